import { z, IdSchema, LIMITS } from './common.ts';
import { PasswordSchema, RoleSchema } from './auth.ts';

export const GrantSchema = z.strictObject({ unitId: IdSchema, role: RoleSchema });

export const UserCreateSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
    .max(LIMITS.username)
    .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới'),
  password: PasswordSchema,
  personId: IdSchema.nullable().optional(),
  grants: z.array(GrantSchema).max(50).default([]),
  superuser: z.boolean().optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.strictObject({
  grants: z.array(GrantSchema).max(50).optional(),
  personId: IdSchema.nullable().optional(),
  disabled: z.boolean().optional(),
  password: PasswordSchema.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const UserSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  superuser: z.boolean(),
  personId: z.string().nullable(),
  fullName: z.string().nullable(),
  disabled: z.boolean(),
  grants: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: RoleSchema })),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
