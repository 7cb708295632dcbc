import { z } from './zod-vi.ts';
import { isIsoDate } from '#core/ids.ts';
import type { IsoDate } from '#core/ids.ts';

/** Limits shared by the server's validation and the web forms. */
export const LIMITS = {
  name: 300,
  shortName: 60,
  text: 5_000,
  username: 60,
  password: 200,
  pageSize: 200,
  importRows: 20_000,
} as const;

export const IdSchema = z.uuid({ message: 'Mã định danh không hợp lệ' });
export const IsoDateSchema = z
  .string()
  .refine((s) => isIsoDate(s), { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, ví dụ 2022-03-31)' })
  .transform((s) => s as IsoDate);

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof ErrorSchema>;

export const IdResponseSchema = z.object({ id: z.string() });

export { z };
