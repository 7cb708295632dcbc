import { z } from './zod-vi.ts';
import { isIsoDate, isPlausibleYear, PLAUSIBLE_YEARS } from '#core/ids.ts';
import type { IsoDate } from '#core/ids.ts';

/** Limits shared by the server's validation and the web forms. */
export const LIMITS = {
  name: 300,
  shortName: 60,
  text: 5_000,
  username: 60,
  password: 200,
  pageSize: 200,
  importRows: 200_000,
} as const;

export const IdSchema = z.uuid({ message: 'Mã định danh không hợp lệ' });

const YEARS_MESSAGE = `Năm phải từ ${PLAUSIBLE_YEARS.from} đến ${PLAUSIBLE_YEARS.to}`;
/** A text that starts with a year (YYYY…), that year plausible. */
const plausibleYear = (s: string) => isPlausibleYear(Number(s.slice(0, 4)));

export const IsoDateSchema = z
  .string()
  .refine((s) => isIsoDate(s), { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, ví dụ 2022-03-31)', abort: true })
  .refine(plausibleYear, { message: YEARS_MESSAGE })
  .transform((s) => s as IsoDate);

/** A period named by its year: `pattern` checks the form, the year must be plausible. */
const yearPeriod = (pattern: RegExp, message: string) => z.string().regex(pattern, { message, abort: true }).refine(plausibleYear, { message: YEARS_MESSAGE });
export const MonthSchema = yearPeriod(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng không hợp lệ (YYYY-MM, ví dụ 2022-04)');
export const QuarterSchema = yearPeriod(/^\d{4}-Q[1-4]$/, 'Quý không hợp lệ (YYYY-Qn)');
export const HalfSchema = yearPeriod(/^\d{4}-H[12]$/, 'Nửa năm không hợp lệ (YYYY-H1, YYYY-H2)');
export const YearSchema = yearPeriod(/^\d{4}$/, 'Năm không hợp lệ (YYYY)');

/**
 * True when `value` nests objects or arrays more than `levels` deep. Walks without recursion, so
 * that the check itself cannot overflow the stack on the input it is meant to refuse.
 */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= levels) return true;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}

/**
 * A recursive schema that refuses values nested more than `levels` objects or arrays deep. A check,
 * not a transform, so that the schema also describes responses. It runs once the value is parsed:
 * what keeps a schema from recursing through input nested thousands deep is the server, which
 * refuses any body nested past reason before a schema sees it (server/plugins/input.ts).
 */
export function nestedAtMost<T extends z.ZodType>(levels: number, message: string, schema: T): T {
  return schema.refine((value) => !nestsDeeperThan(value, levels), { message });
}

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

/** The media type of an answer that reports progress as it goes (routes/progress.ts): one JSON per line. */
export const WORK_STREAM_TYPE = 'application/x-ndjson';

/** How far long work is: `done` of `total` things of a named step ("units", "members", "accounts"). */
export interface WorkProgress {
  step: string;
  done: number;
  total: number;
}

/** A line of a streamed answer: progress, then the result or the error that ended the work. */
export type WorkLine =
  | { progress: WorkProgress }
  | { result: unknown }
  | { error: { code: string; message: string }; status: number };
