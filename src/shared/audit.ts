import { z, IdSchema, LIMITS } from './common.ts';

export const AuditQuerySchema = z.strictObject({
  unitId: IdSchema.optional(),
  entity: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AuditEntryViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;
