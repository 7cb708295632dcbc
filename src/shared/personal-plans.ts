import { z, IdSchema, IsoDateSchema, LIMITS } from './common.ts';
import { MemberCategorySchema, PositionSchema } from './members.ts';
import { EXAMPLE_GROUPS, PLAN_AREA_NAMES } from '#core/personal-plans/forms.ts';
import type { ExampleGroup } from '#core/personal-plans/forms.ts';
import { ITEM_MAX_LENGTH } from '#core/personal-plans/check-plan.ts';

/**
 * Personal plans and pledges (API module `personal-plans`, docs/decisions/020): the forms as data,
 * the rounds a committee launches from a task of its plan, each member's plan with its versions and
 * year-end look back, signed pledges, and the coverage of a round rolled up the tree.
 */
export const PERSONAL_PLAN_LIMITS = {
  sections: 6,
  itemsPerSection: 12,
  assignments: 20,
  assignmentUnits: 200,
  pledgeText: 20_000,
  comment: 2_000,
  account: 2_000,
  code: 40,
} as const;

const Line = (max: number) => z.string().trim().max(max, `Dài tối đa ${max} ký tự`);

export const PlanAreaSchema = z.enum(PLAN_AREA_NAMES, { message: 'Lĩnh vực không hợp lệ' });
export const ExampleGroupSchema = z.enum(Object.keys(EXAMPLE_GROUPS) as [ExampleGroup, ...ExampleGroup[]], { message: 'Nhóm công việc nêu gương không hợp lệ' });
export const PlanScopeSchema = z.enum(['term', 'year'], { message: 'Hãy chọn toàn khóa hoặc năm' });
export const RoundKindSchema = z.enum(['personal_plan', 'pledge'], { message: 'Loại đợt không hợp lệ' });
export type RoundKind = z.infer<typeof RoundKindSchema>;
export const RECORD_STATES = ['pending', 'draft', 'submitted', 'returned', 'confirmed'] as const;
export const RecordStateSchema = z.enum(RECORD_STATES);
export type RecordState = z.infer<typeof RecordStateSchema>;

// ---- Forms ----------------------------------------------------------------------------------

const SectionKey = z.string().trim().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Mã phần chỉ gồm chữ thường không dấu, số, "-" hoặc "_"');

export const FormSectionSchema = z.strictObject({
  key: SectionKey,
  title: Line(LIMITS.name).min(1, 'Hãy nhập tên phần'),
  minItems: z.number().int().min(0).max(PERSONAL_PLAN_LIMITS.itemsPerSection),
  maxItems: z.number().int().min(1, 'Mỗi phần có ít nhất 1 nội dung').max(PERSONAL_PLAN_LIMITS.itemsPerSection, `Mỗi phần có tối đa ${PERSONAL_PLAN_LIMITS.itemsPerSection} nội dung`),
  areas: z.array(PlanAreaSchema).max(PLAN_AREA_NAMES.length),
  requiredAreas: z.array(PlanAreaSchema).max(PLAN_AREA_NAMES.length),
  grouped: z.boolean(),
  forPositions: z.array(PositionSchema).max(10),
}).refine((s) => s.minItems <= s.maxItems, { message: 'Số nội dung tối thiểu không được lớn hơn tối đa', path: ['minItems'] })
  .refine((s) => s.areas.length === 0 || s.requiredAreas.every((a) => s.areas.includes(a)), { message: 'Lĩnh vực bắt buộc phải thuộc các lĩnh vực của phần', path: ['requiredAreas'] });
export type FormSectionInput = z.infer<typeof FormSectionSchema>;

export const PlanFormCreateSchema = z.strictObject({
  unitId: IdSchema,
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Mã mẫu chỉ gồm chữ thường không dấu, số, "-" hoặc "_" (ví dụ doan-01)'),
  label: Line(LIMITS.shortName).min(1, 'Hãy nhập tên ngắn của mẫu (ví dụ Mẫu 01)'),
  title: Line(LIMITS.name).min(1, 'Hãy nhập tên mẫu'),
  scope: PlanScopeSchema,
  sections: z.array(FormSectionSchema).min(1, 'Mẫu cần ít nhất một phần').max(PERSONAL_PLAN_LIMITS.sections)
    .refine((ss) => new Set(ss.map((s) => s.key)).size === ss.length, { message: 'Mã các phần không được trùng nhau' }),
  source: Line(LIMITS.name).nullable().optional(),
});
export type PlanFormCreate = z.infer<typeof PlanFormCreateSchema>;

export const PlanFormSchema = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  code: z.string(),
  label: z.string(),
  title: z.string(),
  scope: PlanScopeSchema,
  sections: z.array(z.object({
    key: z.string(), title: z.string(), minItems: z.number(), maxItems: z.number(), areas: z.array(PlanAreaSchema),
    requiredAreas: z.array(PlanAreaSchema), grouped: z.boolean(), forPositions: z.array(PositionSchema),
  })),
  source: z.string().nullable(),
});
export type PlanFormView = z.infer<typeof PlanFormSchema>;
export const PlanFormListQuerySchema = z.strictObject({ unit: IdSchema });
export const PlanFormListSchema = z.object({ items: z.array(PlanFormSchema) });
export type PlanFormList = z.infer<typeof PlanFormListSchema>;

// ---- Rounds ---------------------------------------------------------------------------------

export const AssignmentSchema = z.strictObject({
  formId: IdSchema,
  categories: z.array(MemberCategorySchema).min(1, 'Hãy chọn ít nhất một loại thành viên').max(10),
  /** The units (each with its subtree) where the rule applies; empty: the whole subtree of the round. */
  unitIds: z.array(IdSchema).max(PERSONAL_PLAN_LIMITS.assignmentUnits).default([]),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

const RoundBase = {
  unitId: IdSchema,
  planId: IdSchema,
  taskId: IdSchema,
  title: Line(LIMITS.name).min(1, 'Hãy nhập tên đợt'),
  submitBy: IsoDateSchema,
};

export const RoundCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('personal_plan'),
    ...RoundBase,
    scope: PlanScopeSchema,
    year: z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
    assignments: z.array(AssignmentSchema).min(1, 'Hãy chọn mẫu cho ít nhất một loại thành viên').max(PERSONAL_PLAN_LIMITS.assignments),
    confirmBy: IsoDateSchema.nullable().optional(),
    sendUpBy: IsoDateSchema.nullable().optional(),
  }),
  z.strictObject({
    kind: z.literal('pledge'),
    ...RoundBase,
    pledgeText: z.string().trim().min(1, 'Hãy nhập nội dung cam kết').max(PERSONAL_PLAN_LIMITS.pledgeText, `Nội dung cam kết dài tối đa ${PERSONAL_PLAN_LIMITS.pledgeText.toLocaleString('vi-VN')} ký tự`),
    categories: z.array(MemberCategorySchema).min(1, 'Hãy chọn ai phải ký cam kết').max(10),
  }),
], { message: 'Loại đợt không hợp lệ' }).superRefine((r, ctx) => {
  if (r.kind !== 'personal_plan') return;
  if (r.confirmBy && r.confirmBy < r.submitBy) ctx.addIssue({ code: 'custom', path: ['confirmBy'], message: 'Hạn xác nhận không được trước hạn nộp' });
  if (r.sendUpBy && r.sendUpBy < (r.confirmBy ?? r.submitBy)) ctx.addIssue({ code: 'custom', path: ['sendUpBy'], message: 'Hạn gửi cấp trên không được trước hạn xác nhận, hạn nộp' });
});
export type RoundCreate = z.infer<typeof RoundCreateSchema>;
export const RoundLaunchedSchema = z.object({ id: z.string(), asked: z.number() });
export type RoundLaunched = z.infer<typeof RoundLaunchedSchema>;

export const RoundSummarySchema = z.object({
  id: z.string(),
  kind: RoundKindSchema,
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  taskId: z.string(),
  taskText: z.string(),
  scope: PlanScopeSchema.nullable(),
  year: z.number().nullable(),
  submitBy: z.string().nullable(),
  confirmBy: z.string().nullable(),
  sendUpBy: z.string().nullable(),
  launchedOn: z.string(),
  pledgeText: z.string().nullable(),
  categories: z.array(MemberCategorySchema),
  assignments: z.array(z.object({
    formId: z.string(), formLabel: z.string(), categories: z.array(MemberCategorySchema),
    units: z.array(z.object({ id: z.string(), name: z.string() })),
  })),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

export const CoverageRowSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  must: z.number(),
  submitted: z.number(),
  confirmed: z.number(),
  late: z.number(),
  overdue: z.number(),
  leaders: z.number(),
  leadersRegistered: z.number(),
  percentSubmitted: z.number().nullable(),
  percentConfirmed: z.number().nullable(),
});
export type CoverageRow = z.infer<typeof CoverageRowSchema>;

export const RoundListQuerySchema = z.strictObject({
  unit: IdSchema,
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RoundListQuery = z.infer<typeof RoundListQuerySchema>;
/** The rounds that reach a unit (launched there or above it), newest first, with the unit's coverage. */
export const RoundListSchema = z.object({
  items: z.array(RoundSummarySchema.extend({ coverage: CoverageRowSchema })),
  total: z.number(),
});
export type RoundList = z.infer<typeof RoundListSchema>;

export const RoundUnitQuerySchema = z.strictObject({ unit: IdSchema.optional() });
export type RoundUnitQuery = z.infer<typeof RoundUnitQuerySchema>;
export const RoundIdParamsSchema = z.strictObject({ id: IdSchema });
export const RoundUnitParamsSchema = z.strictObject({ id: IdSchema, unitId: IdSchema });
export const RoundPersonParamsSchema = z.strictObject({ id: IdSchema, personId: IdSchema });

/** GET /api/rounds/:id: the round and its coverage at a unit (default: the round's unit), its own members apart and each sub-unit. */
export const RoundCoverageSchema = z.object({
  round: RoundSummarySchema,
  unit: z.object({ id: z.string(), name: z.string() }),
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  total: CoverageRowSchema,
  /** The unit's own members (those not in any sub-unit), null when it has none in the round. */
  own: CoverageRowSchema.nullable(),
  children: z.array(CoverageRowSchema),
  /** The unit's task instance of the round's task: what sending the plans up fulfils. */
  taskInstance: z.object({ id: z.string(), status: z.string(), doneOn: z.string().nullable() }).nullable(),
  /** The actor may read the members' plans of this unit (its secretaries, the levels above). */
  readsPlans: z.boolean(),
  /** The thematic meetings of the unit that discussed the round's plans. */
  meetings: z.array(z.object({ id: z.string(), title: z.string(), date: z.string(), status: z.string() })),
});
export type RoundCoverage = z.infer<typeof RoundCoverageSchema>;

export const MEMBER_FILTERS = ['all', 'not_submitted', 'submitted', 'returned', 'confirmed', 'late'] as const;
export const RoundMembersQuerySchema = z.strictObject({
  unit: IdSchema,
  filter: z.enum(MEMBER_FILTERS, { message: 'Bộ lọc không hợp lệ' }).default('all'),
  q: z.string().trim().max(100).optional(),
  /** Include members of sub-units too. */
  subtree: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type RoundMembersQuery = z.infer<typeof RoundMembersQuerySchema>;
export const RoundMemberRowSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  formLabel: z.string().nullable(),
  leader: z.boolean(),
  state: RecordStateSchema,
  late: z.boolean(),
  submittedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  /** A pledge: the day it was signed. */
  signedOn: z.string().nullable(),
  onBehalf: z.boolean(),
});
export type RoundMemberRow = z.infer<typeof RoundMemberRowSchema>;
export const RoundMembersSchema = z.object({ items: z.array(RoundMemberRowSchema), total: z.number() });
export type RoundMembers = z.infer<typeof RoundMembersSchema>;

/** GET /api/my/rounds: what the rounds ask of the signed-in member. */
export const MyRoundsSchema = z.object({
  personId: z.string().nullable(),
  items: z.array(z.object({
    round: RoundSummarySchema,
    state: RecordStateSchema,
    late: z.boolean(),
    signedOn: z.string().nullable(),
    formLabel: z.string().nullable(),
  })),
});
export type MyRounds = z.infer<typeof MyRoundsSchema>;

// ---- A member's plan ------------------------------------------------------------------------

export const PlanItemSchema = z.strictObject({
  text: z.string().max(ITEM_MAX_LENGTH, `Mỗi nội dung dài tối đa ${ITEM_MAX_LENGTH.toLocaleString('vi-VN')} ký tự`),
  area: PlanAreaSchema.nullable().optional(),
  group: ExampleGroupSchema.nullable().optional(),
});
export type PlanItemInput = z.infer<typeof PlanItemSchema>;
export const PlanSectionsSchema = z.record(SectionKey, z.array(PlanItemSchema).max(PERSONAL_PLAN_LIMITS.itemsPerSection, `Mỗi phần có tối đa ${PERSONAL_PLAN_LIMITS.itemsPerSection} nội dung`))
  .refine((r) => Object.keys(r).length <= PERSONAL_PLAN_LIMITS.sections, { message: 'Quá nhiều phần' });
export type PlanSections = z.infer<typeof PlanSectionsSchema>;

export const PlanSaveSchema = z.strictObject({ sections: PlanSectionsSchema });
export const PlanSubmitSchema = z.strictObject({
  sections: PlanSectionsSchema.optional(),
  /** Entered from paper by the secretary: the day the member handed it in (default today). */
  submittedOn: IsoDateSchema.optional(),
});
export type PlanSubmit = z.infer<typeof PlanSubmitSchema>;
export const PlanReturnSchema = z.strictObject({ comment: z.string().trim().min(1, 'Hãy ghi lý do trả lại để đảng viên sửa').max(PERSONAL_PLAN_LIMITS.comment) });

export const LOOK_BACK_RESULTS = ['done', 'partly', 'not_done'] as const;
export const LookBackSchema = z.strictObject({
  items: z.array(z.strictObject({
    section: SectionKey,
    item: z.number().int().min(1).max(PERSONAL_PLAN_LIMITS.itemsPerSection),
    result: z.enum(LOOK_BACK_RESULTS, { message: 'Hãy chọn: hoàn thành, hoàn thành một phần hoặc chưa hoàn thành' }),
    account: z.string().trim().max(PERSONAL_PLAN_LIMITS.account).default(''),
  })).min(1).max(PERSONAL_PLAN_LIMITS.sections * PERSONAL_PLAN_LIMITS.itemsPerSection),
});
export type LookBack = z.infer<typeof LookBackSchema>;
export const LookBackCommentsSchema = z.strictObject({
  items: z.array(z.strictObject({
    section: SectionKey,
    item: z.number().int().min(1).max(PERSONAL_PLAN_LIMITS.itemsPerSection),
    comment: z.string().trim().max(PERSONAL_PLAN_LIMITS.comment),
  })).min(1).max(PERSONAL_PLAN_LIMITS.sections * PERSONAL_PLAN_LIMITS.itemsPerSection),
});
export type LookBackComments = z.infer<typeof LookBackCommentsSchema>;

export const LookBackItemSchema = z.object({
  section: z.string(), item: z.number(), result: z.enum(LOOK_BACK_RESULTS).nullable(), account: z.string(), comment: z.string(),
});

export const PlanVersionSchema = z.object({
  version: z.number(),
  sections: PlanSectionsSchema,
  writtenBy: z.string().nullable(),
  onBehalf: z.boolean(),
  savedAt: z.string(),
  submittedOn: z.string().nullable(),
  late: z.boolean(),
  returnedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  confirmedBy: z.string().nullable(),
});
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

export const PersonalPlanViewSchema = z.object({
  round: RoundSummarySchema,
  person: z.object({ id: z.string(), fullName: z.string(), unitId: z.string(), unitName: z.string(), positions: z.array(PositionSchema) }),
  form: PlanFormSchema,
  /** The keys of the form's sections this member fills (the leaders' part only for leaders). */
  filled: z.array(z.string()),
  leader: z.boolean(),
  state: RecordStateSchema,
  late: z.boolean(),
  submittedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  /** The versions the reader may see, oldest first; the last is the current one. */
  versions: z.array(PlanVersionSchema),
  /** What is wrong with the current version against the form (empty: it may be submitted). */
  issues: z.array(z.object({ section: z.string(), item: z.number().nullable(), message: z.string() })),
  lookBack: z.array(LookBackItemSchema),
  /** What the reader may do now. */
  can: z.object({ edit: z.boolean(), review: z.boolean(), amend: z.boolean(), lookBack: z.boolean(), comment: z.boolean() }),
  /** The reader writes on the member's behalf (the secretary entering a paper plan). */
  onBehalf: z.boolean(),
});
export type PersonalPlanView = z.infer<typeof PersonalPlanViewSchema>;

export const PlanSavedSchema = z.object({ state: RecordStateSchema, version: z.number(), late: z.boolean() });
export type PlanSaved = z.infer<typeof PlanSavedSchema>;

// ---- Pledges and sending up -----------------------------------------------------------------

export const PledgeSignSchema = z.strictObject({
  /** Entered from paper by the secretary: the day the member signed (default today). */
  signedOn: IsoDateSchema.optional(),
});
export const PledgeSignedSchema = z.object({ signedOn: z.string(), late: z.boolean() });

export const SendUpSchema = z.strictObject({ note: z.string().trim().max(PERSONAL_PLAN_LIMITS.comment).nullable().optional() });
export const SentUpSchema = z.object({ taskInstanceId: z.string(), confirmed: z.number(), must: z.number() });
export type SentUp = z.infer<typeof SentUpSchema>;

// ---- A report prefilled from a round --------------------------------------------------------

/** POST /api/obligation-instances/:id/round-figures: the round whose coverage fills the report. */
export const RoundPrefillSchema = z.strictObject({ roundId: IdSchema });
export const RoundPrefillResultSchema = z.object({
  submissionId: z.string(),
  version: z.number(),
  figures: z.record(z.string(), z.number()),
  /** Which count of the round each prefilled figure comes from. */
  sources: z.record(z.string(), z.string()),
});
export type RoundPrefillResult = z.infer<typeof RoundPrefillResultSchema>;

// ---- Urging the late ------------------------------------------------------------------------

/** POST /api/rounds/:id/urge: urges (đôn đốc) the members of a unit's subtree who have not submitted or signed. */
export const RoundUrgeSchema = z.strictObject({
  unit: IdSchema,
  message: z.string().trim().min(1, 'Hãy nhập nội dung đôn đốc').max(PERSONAL_PLAN_LIMITS.comment, `Nội dung đôn đốc dài tối đa ${PERSONAL_PLAN_LIMITS.comment} ký tự`),
});
export type RoundUrge = z.infer<typeof RoundUrgeSchema>;
export const RoundUrgedSchema = z.object({
  /** Units with someone still to submit. */
  units: z.number(),
  /** Members still to submit. */
  members: z.number(),
  /** Notifications created: each such unit's leaders, and each such member with an account (the same message the same day is sent once). */
  notifications: z.number(),
});
export type RoundUrged = z.infer<typeof RoundUrgedSchema>;
