import { z, LIMITS } from './common.ts';
import { ROLES } from '#core/access/roles.ts';

export const LoginSchema = z.strictObject({
  username: z.string().trim().min(1, 'Hãy nhập tên đăng nhập').max(LIMITS.username),
  password: z.string().min(1, 'Hãy nhập mật khẩu').max(LIMITS.password),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const PasswordSchema = z
  .string()
  .min(8, 'Mật khẩu cần ít nhất 8 ký tự')
  .max(LIMITS.password, `Mật khẩu dài tối đa ${LIMITS.password} ký tự`);

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại').max(LIMITS.password),
  newPassword: PasswordSchema,
});

export const RoleSchema = z.enum(ROLES, { message: `Vai trò phải là một trong: ${ROLES.join(', ')}` });

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  superuser: z.boolean(),
  personId: z.string().nullable(),
  fullName: z.string().nullable(),
  locale: z.string(),
  /** Signed in with a one-time password not yet changed: nothing else may be done before changing it. */
  mustChangePassword: z.boolean(),
  grants: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: RoleSchema })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;
