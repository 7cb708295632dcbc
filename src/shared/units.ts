import { z, IdSchema, IsoDateSchema, LIMITS } from './common.ts';
import { UNIT_KIND_NAMES } from '#core/org-tree/kinds.ts';

export const UnitKindSchema = z.enum(UNIT_KIND_NAMES, { message: 'Loại đơn vị không hợp lệ' });
const Name = z.string().trim().min(1, 'Hãy nhập tên đơn vị').max(LIMITS.name, `Tên dài tối đa ${LIMITS.name} ký tự`);
const ShortName = z.string().trim().max(LIMITS.shortName, `Tên viết tắt dài tối đa ${LIMITS.shortName} ký tự`).nullable().optional();

export const TermSchema = z
  .strictObject({
    label: z.string().trim().max(60).nullable().optional(),
    start: IsoDateSchema.nullable().optional(),
    end: IsoDateSchema.nullable().optional(),
  })
  .refine((t) => !t.start || !t.end || t.start <= t.end, { message: 'Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu', path: ['end'] });

export const UnitCreateSchema = z.strictObject({
  parentId: IdSchema,
  kind: UnitKindSchema,
  name: Name,
  shortName: ShortName,
  code: z.string().trim().max(40).nullable().optional(),
  validFrom: IsoDateSchema,
  term: TermSchema.optional(),
});
export type UnitCreate = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z.strictObject({
  name: Name.optional(),
  shortName: ShortName,
  code: z.string().trim().max(40).nullable().optional(),
  term: TermSchema.optional(),
  /** The date the new name takes effect; renames are effective-dated. */
  on: IsoDateSchema,
});
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;

export const UnitMoveSchema = z.strictObject({ parentId: IdSchema, on: IsoDateSchema, note: z.string().max(LIMITS.text).optional() });
export type UnitMove = z.infer<typeof UnitMoveSchema>;

export const UnitMergeSchema = z
  .strictObject({
    sourceIds: z.array(IdSchema).min(1, 'Chọn ít nhất một đơn vị').max(100),
    /** Merge into an existing unit... */
    targetId: IdSchema.optional(),
    /** ...or into a new unit created under `parentId`. */
    newUnit: z.strictObject({ parentId: IdSchema, kind: UnitKindSchema, name: Name, shortName: ShortName }).optional(),
    on: IsoDateSchema,
    note: z.string().max(LIMITS.text).optional(),
  })
  .refine((m) => (m.targetId ? 1 : 0) + (m.newUnit ? 1 : 0) === 1, { message: 'Chọn đơn vị nhận sáp nhập hoặc nhập đơn vị mới (một trong hai)', path: ['targetId'] });
export type UnitMerge = z.infer<typeof UnitMergeSchema>;

export const UnitSplitSchema = z.strictObject({
  parts: z
    .array(
      z.strictObject({
        name: Name,
        shortName: ShortName,
        kind: UnitKindSchema.optional(),
        /** People moved to this part; people not listed go to the first part. */
        personIds: z.array(IdSchema).max(LIMITS.importRows).default([]),
        /** Sub-units moved to this part; sub-units not listed go to the first part. */
        childIds: z.array(IdSchema).max(1000).default([]),
      }),
    )
    .min(2, 'Chia tách cần ít nhất hai đơn vị mới')
    .max(50),
  on: IsoDateSchema,
  note: z.string().max(LIMITS.text).optional(),
});
export type UnitSplit = z.infer<typeof UnitSplitSchema>;

export const UnitDissolveSchema = z.strictObject({ on: IsoDateSchema, note: z.string().max(LIMITS.text).optional() });
export type UnitDissolve = z.infer<typeof UnitDissolveSchema>;

export const UnitSummarySchema = z.object({
  id: z.string(),
  kind: UnitKindSchema,
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  childCount: z.number(),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const UnitEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  occurredOn: z.string(),
  note: z.string().nullable(),
  before: z.array(z.object({ id: z.string(), name: z.string() })),
  after: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const UnitDetailSchema = UnitSummarySchema.extend({
  /** The day the unit is shown as it stood (name, place, sub-units, members, leaders), or null for today. */
  on: z.string().nullable(),
  code: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), name: z.string() }).nullable(),
  term: z.object({ label: z.string().nullable(), start: z.string().nullable(), end: z.string().nullable() }),
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  memberCount: z.number(),
  leaders: z.array(z.object({ personId: z.string(), fullName: z.string(), positions: z.array(z.string()) })),
  events: z.array(UnitEventSchema),
  /** Units merged into this one: their history is read here. */
  absorbed: z.array(z.object({ id: z.string(), name: z.string(), validTo: z.string().nullable() })),
  permissions: z.object({
    manageUnits: z.boolean(),
    manageMembers: z.boolean(),
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
  }),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const UnitIdParamsSchema = z.strictObject({ id: IdSchema });
export const UnitAtQuerySchema = z.strictObject({ on: IsoDateSchema.optional() });
export const UnitSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: UnitKindSchema.optional(),
  /** Also find units that were dissolved, merged or split (their history stays readable). */
  ended: z.enum(['true', 'false']).optional(),
  /** Search, or list the top units of, the tree as it stood that day (by the names units had then). */
  on: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const UnitSearchResultSchema = z.object({
  items: z.array(UnitSummarySchema.extend({ path: z.array(z.string()) })),
  total: z.number(),
});

/** Between a unit's name and its parent's, where a list names units of several parents. */
export const PARENT_SEPARATOR = ' — ';

/**
 * A unit named with the unit it belongs to, so that two "Chi bộ Văn phòng" of different parents
 * can be told apart: "Chi bộ Văn phòng — Đảng bộ Sở Tài chính"; the name alone without a parent.
 */
export function unitWithParent(name: string, parentName: string | null | undefined): string {
  return parentName ? `${name}${PARENT_SEPARATOR}${parentName}` : name;
}
