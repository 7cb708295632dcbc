import { z, IdSchema, LIMITS } from './common.ts';
import { RoleSchema } from './auth.ts';
import { PositionSchema } from './members.ts';
import { UnitKindSchema } from './units.ts';

/**
 * Accounts created in bulk (API module `accounts`, docs/decisions/019): rules say who gets an
 * account with which role on the unit of their membership; a preview lists them with their user
 * names; creating them answers once with the one-time passwords in a slips file.
 */
export const AccountRuleSchema = z.strictObject({
  /** The position held ("bí thư"); null: every member. */
  position: PositionSchema.nullable(),
  /** The kinds of unit of the membership; empty: any kind. */
  unitKinds: z.array(UnitKindSchema).max(20).default([]),
  role: RoleSchema,
});
export type AccountRuleInput = z.infer<typeof AccountRuleSchema>;

const Selection = {
  unitIds: z.array(IdSchema).min(1, 'Hãy chọn ít nhất một đơn vị').max(200, 'Chọn tối đa 200 đơn vị mỗi lần'),
  rules: z.array(AccountRuleSchema).min(1, 'Hãy chọn ít nhất một quy tắc').max(10),
};

export const AccountsPreviewSchema = z.strictObject({
  ...Selection,
  limit: z.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.number().int().min(0).default(0),
});
export type AccountsPreviewInput = z.infer<typeof AccountsPreviewSchema>;

export const SlipFormatSchema = z.enum(['xlsx', 'docx'], { message: 'Định dạng phiếu là xlsx hoặc docx' });
export type SlipFormat = z.infer<typeof SlipFormatSchema>;

export const AccountsCreateSchema = z.strictObject({
  ...Selection,
  format: SlipFormatSchema,
  /** E-mail the password to people with an address instead of printing it (when SMTP is set). */
  email: z.boolean().default(false),
});
export type AccountsCreateInput = z.infer<typeof AccountsCreateSchema>;

export const SKIP_REASONS = ['has_account', 'no_membership'] as const;

export const AccountPreviewSchema = z.object({
  total: z.number(),
  items: z.array(z.object({
    personId: z.string(),
    fullName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    role: RoleSchema,
    username: z.string(),
    hasEmail: z.boolean(),
  })),
  skippedCount: z.object({ hasAccount: z.number(), noMembership: z.number() }),
  /** The first people skipped, up to 200. */
  skipped: z.array(z.object({ personId: z.string(), fullName: z.string(), unitName: z.string().nullable(), reason: z.enum(SKIP_REASONS) })),
  /** Whether e-mail can be sent (SMTP is set). */
  canEmail: z.boolean(),
});
export type AccountPreview = z.infer<typeof AccountPreviewSchema>;

export const AccountsCreatedSchema = z.object({
  created: z.number(),
  emailed: z.number(),
  /** Passwords whose e-mail failed: printed on the slips instead. */
  emailFailed: z.number(),
  printed: z.number(),
  /** The slips file, fetched once from GET /api/accounts/slips/:id within a few minutes; null when nothing is printed. */
  slips: z.object({ id: z.string(), filename: z.string(), expiresAt: z.string() }).nullable(),
});
export type AccountsCreated = z.infer<typeof AccountsCreatedSchema>;

/** POST /api/users/:id/one-time-password: shown once. */
export const OneTimePasswordSchema = z.object({ username: z.string(), password: z.string(), validUntil: z.string() });
export type OneTimePasswordAnswer = z.infer<typeof OneTimePasswordSchema>;
