import { z, HalfSchema, IdSchema, IsoDateSchema, LIMITS, MonthSchema, nestedAtMost, QuarterSchema, YearSchema } from './common.ts';
import { UnitKindSchema } from './units.ts';
import { AUDIENCE_SCOPES } from '#core/plans/audience.ts';
import { INSTANCE_STATUS_LABELS } from '#core/deadline/resolve.ts';
import type { InstanceStatus } from '#core/deadline/resolve.ts';
import { DUE_NESTING } from '#core/deadline/types.ts';
import type { Due } from '#core/deadline/types.ts';

/**
 * Plans (kế hoạch): the draft a committee writes, publishing it down the tree, the task instances
 * each unit carries out, and the dashboards of the higher level. A plan is a document of kind KH.
 */
export const PLAN_LIMITS = {
  title: 1_000,
  number: 60,
  tasks: 300,
  obligations: 100,
  dues: 20,
  units: 2_000,
  recipients: 100,
  figures: 100,
  sections: 50,
  evidence: 20,
  bulk: 200,
} as const;

export const TASK_KINDS = ['task', 'own_plan', 'study', 'report'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, { vi: string; en: string }> = {
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  own_plan: { vi: 'Xây dựng kế hoạch thực hiện', en: 'Make the implementing plan' },
  study: { vi: 'Học tập, quán triệt', en: 'Study session' },
  report: { vi: 'Báo cáo', en: 'Report' },
};

export const CONFIDENTIALITY = ['normal', 'secret'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, { vi: string; en: string }> = {
  normal: { vi: 'Thường', en: 'Normal' },
  secret: { vi: 'Mật', en: 'Secret' },
};

export const PLAN_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  published: { vi: 'Đã ban hành', en: 'Published' },
  cancelled: { vi: 'Đã thu hồi', en: 'Cancelled' },
};

export const INSTANCE_STATUSES = ['not_due', 'due_soon', 'overdue', 'done_on_time', 'done_late'] as const satisfies readonly InstanceStatus[];
export { INSTANCE_STATUS_LABELS };


/** The normalised deadline of extraction/SCHEMA.md (`due`), validated. */
export const DueSchema: z.ZodType<Due> = nestedAtMost(
  DUE_NESTING,
  'Thời hạn lồng nhau quá nhiều tầng',
  z.lazy(() =>
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('date'), value: IsoDateSchema }),
      z.strictObject({ type: z.literal('month'), value: MonthSchema }),
      z.strictObject({ type: z.literal('quarter'), value: QuarterSchema }),
      z.strictObject({ type: z.literal('quarter-end'), value: QuarterSchema }),
      z.strictObject({ type: z.literal('half'), value: HalfSchema }),
      z.strictObject({ type: z.literal('year'), value: YearSchema }),
      z.strictObject({ type: z.literal('range'), value: z.strictObject({ from: DueSchema, to: DueSchema }) }),
      z.strictObject({
        type: z.literal('recurring'),
        value: z.strictObject({ every: z.enum(['day', 'week', 'month', 'quarter', 'half-year', 'year']), from: DueSchema.nullable() }),
      }),
      z.strictObject({ type: z.literal('continuous'), value: z.null() }),
      z.strictObject({ type: z.literal('term-years'), value: z.strictObject({ years: z.array(z.number().int().min(1).max(10)).min(1).max(10) }) }),
      z.strictObject({ type: z.literal('relative'), value: z.strictObject({ days: z.number().int().min(-366).max(366), to: z.literal('event') }) }),
      z.strictObject({ type: z.literal('from'), value: DueSchema }),
    ]),
  ),
) as z.ZodType<Due>;

/** Who must carry out an item (core/plans/audience.ts): "all grassroots organisations and cells", the direct sub-units, the issuing unit, listed units, units of some kinds. */
export const AudienceSchema = z
  .strictObject({
    scope: z.enum(AUDIENCE_SCOPES, { message: 'Đối tượng thực hiện không hợp lệ' }),
    kinds: z.array(UnitKindSchema).max(20).optional(),
    unitIds: z.array(IdSchema).max(PLAN_LIMITS.units).optional(),
  })
  .refine((a) => a.scope !== 'units' || (a.unitIds?.length ?? 0) > 0, { message: 'Hãy chọn ít nhất một đơn vị thực hiện', path: ['unitIds'] })
  .refine((a) => a.scope !== 'kinds' || (a.kinds?.length ?? 0) > 0, { message: 'Hãy chọn ít nhất một loại đơn vị', path: ['kinds'] });
export type AudienceInput = z.infer<typeof AudienceSchema>;

const Line = (max: number) => z.string().trim().max(max, `Dài tối đa ${max} ký tự`);
const OptionalText = Line(LIMITS.text).nullable().optional();
const UnitNames = z.array(Line(1_000).min(1)).max(50);

export const TaskDraftSchema = z.strictObject({
  /** On PUT: the task being edited (it keeps its id); a task without id is new. */
  id: IdSchema.optional(),
  text: Line(LIMITS.text).min(1, 'Hãy nhập nội dung nhiệm vụ'),
  kind: z.enum(TASK_KINDS).default('task'),
  leadUnitIds: z.array(IdSchema).max(50).default([]),
  supportUnitIds: z.array(IdSchema).max(50).default([]),
  /** Lead and support units as the document writes them ("Ban Tổ chức Đảng ủy Khối"). */
  leadText: UnitNames.optional(),
  supportText: UnitNames.optional(),
  due: DueSchema.nullable().default(null),
  dueText: Line(300).nullable().optional(),
  audience: AudienceSchema.default({ scope: 'grassroots' }),
  /** The "6 rõ": clear person, responsibility, authority and output (task, time are the text and due). */
  responsible: OptionalText,
  responsibility: OptionalText,
  authority: OptionalText,
  output: OptionalText,
  /** In an implementing plan: the task of the parent plan this one carries out. */
  parentTaskId: IdSchema.nullable().optional(),
});
export type TaskDraft = z.infer<typeof TaskDraftSchema>;

const FormKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Mã chỉ tiêu: chữ thường không dấu, số, gạch dưới (ví dụ so_dang_vien_hoc_tap)');

/** The form of a report: figures to fill ("số đảng viên được học tập / tổng số") and narrative sections. */
export const ReportFormSchema = z
  .strictObject({
    figures: z
      .array(
        z.strictObject({
          key: FormKey,
          label: Line(LIMITS.name).min(1, 'Hãy nhập tên chỉ tiêu'),
          unit: Line(60).nullable().optional(),
          /** The key of the figure this one is a part of ("được học tập" of "tổng số"). */
          of: FormKey.nullable().optional(),
        }),
      )
      .max(PLAN_LIMITS.figures)
      .default([]),
    sections: z.array(z.strictObject({ key: FormKey, title: Line(LIMITS.name).min(1, 'Hãy nhập tên mục') })).max(PLAN_LIMITS.sections).default([]),
  })
  .refine((f) => new Set(f.figures.map((x) => x.key)).size === f.figures.length, { message: 'Mã chỉ tiêu bị trùng', path: ['figures'] })
  .refine((f) => f.figures.every((x) => !x.of || (x.of !== x.key && f.figures.some((y) => y.key === x.of))), {
    message: 'Chỉ tiêu "of" phải là mã của một chỉ tiêu khác trong biểu mẫu',
    path: ['figures'],
  })
  .refine((f) => new Set(f.sections.map((x) => x.key)).size === f.sections.length, { message: 'Mã mục bị trùng', path: ['sections'] });
export type ReportForm = z.infer<typeof ReportFormSchema>;

export const ObligationDraftSchema = z.strictObject({
  id: IdSchema.optional(),
  title: Line(LIMITS.text).min(1, 'Hãy nhập nội dung báo cáo'),
  fromText: Line(LIMITS.name).nullable().optional(),
  toText: Line(LIMITS.name).nullable().optional(),
  viaText: Line(LIMITS.name).nullable().optional(),
  /** The unit the report is addressed to ("Ban Thường vụ Đảng ủy Khối") and the one it goes through ("qua Ban Tuyên giáo"). */
  toUnitId: IdSchema.nullable().optional(),
  viaUnitId: IdSchema.nullable().optional(),
  /** One or more deadlines ("trước ngày 30/5/2022 và ngày 30/11/2022"), or recurring periods. */
  due: z.array(DueSchema).max(PLAN_LIMITS.dues).default([]),
  /** Ngày chốt số liệu: the day of the month figures are counted to. */
  cutoffDay: z.number().int().min(1).max(31).nullable().optional(),
  form: ReportFormSchema.default({ figures: [], sections: [] }),
  audience: AudienceSchema.default({ scope: 'grassroots' }),
});
export type ObligationDraft = z.infer<typeof ObligationDraftSchema>;

/** The fields of a plan draft, without defaults (a PUT leaves out what it does not change). */
const PlanFieldsBase = {
  number: Line(PLAN_LIMITS.number).nullable(),
  title: Line(PLAN_LIMITS.title).min(1, 'Hãy nhập trích yếu kế hoạch'),
  issuedOn: IsoDateSchema.nullable(),
  /** Documents the plan carries out ("Thực hiện Kế hoạch số 161-KH/TU ..."). */
  implementsDocumentIds: z.array(IdSchema).max(50),
  /** The superior's plan this plan implements (cascade). */
  parentPlanId: IdSchema.nullable(),
  confidentiality: z.enum(CONFIDENTIALITY),
  /** Days before each due date when reminders go out (default 7 and 1). */
  reminderDays: z.array(z.number().int().min(1).max(90)).max(10),
  /** Days in advance a lower unit sends its study-session plan upward ("trước 5 ngày"). */
  sessionNoticeDays: z.number().int().min(0).max(90).nullable(),
  recipients: z.array(Line(LIMITS.name).min(1)).max(PLAN_LIMITS.recipients),
  tasks: z.array(TaskDraftSchema).max(PLAN_LIMITS.tasks),
  obligations: z.array(ObligationDraftSchema).max(PLAN_LIMITS.obligations),
};

/** POST /api/plans: a plan draft of `unitId`, with its tasks and report obligations. */
export const PlanDraftSchema = z.strictObject({
  unitId: IdSchema,
  number: PlanFieldsBase.number.optional(),
  title: PlanFieldsBase.title,
  issuedOn: PlanFieldsBase.issuedOn.optional(),
  implementsDocumentIds: PlanFieldsBase.implementsDocumentIds.default([]),
  parentPlanId: PlanFieldsBase.parentPlanId.optional(),
  confidentiality: PlanFieldsBase.confidentiality.default('normal'),
  reminderDays: PlanFieldsBase.reminderDays.default([7, 1]),
  sessionNoticeDays: PlanFieldsBase.sessionNoticeDays.optional(),
  recipients: PlanFieldsBase.recipients.default([]),
  tasks: PlanFieldsBase.tasks.default([]),
  obligations: PlanFieldsBase.obligations.default([]),
});
export type PlanDraft = z.infer<typeof PlanDraftSchema>;

/**
 * PUT /api/plans/:id (drafts only): what changes. A field left out keeps its value; `tasks` and
 * `obligations`, when sent, are the whole lists (those with an id keep it, the others are new,
 * those not sent are removed).
 */
export const PlanUpdateSchema = z.strictObject({
  unitId: IdSchema.optional(),
  number: PlanFieldsBase.number.optional(),
  title: PlanFieldsBase.title.optional(),
  issuedOn: PlanFieldsBase.issuedOn.optional(),
  implementsDocumentIds: PlanFieldsBase.implementsDocumentIds.optional(),
  parentPlanId: PlanFieldsBase.parentPlanId.optional(),
  confidentiality: PlanFieldsBase.confidentiality.optional(),
  reminderDays: PlanFieldsBase.reminderDays.optional(),
  sessionNoticeDays: PlanFieldsBase.sessionNoticeDays.optional(),
  recipients: PlanFieldsBase.recipients.optional(),
  tasks: PlanFieldsBase.tasks.optional(),
  obligations: PlanFieldsBase.obligations.optional(),
});
export type PlanUpdate = z.infer<typeof PlanUpdateSchema>;

export const PlanIdParamsSchema = z.strictObject({ id: IdSchema });

export const PlanListQuerySchema = z.strictObject({
  unitId: IdSchema,
  /** `issued`: plans the unit made (drafts included); `to_carry_out`: published plans addressed to the unit. */
  view: z.enum(['issued', 'to_carry_out']).default('issued'),
  status: z.enum(PLAN_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type PlanListQuery = z.infer<typeof PlanListQuerySchema>;

/** `dueSoFar`: what is due by today, continuous work, and what was done ahead of its date (the rates divide by it). */
const TaskCountsSchema = z.object({ total: z.number(), dueSoFar: z.number(), done: z.number(), overdue: z.number() });
const ReportCountsSchema = z.object({ expected: z.number(), dueSoFar: z.number(), submitted: z.number(), late: z.number(), missing: z.number() });

export const PlanListItemSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  confidentiality: z.enum(CONFIDENTIALITY),
  publishedAt: z.string().nullable(),
  parentPlanId: z.string().nullable(),
  /** For `to_carry_out`: what the unit has to do and has done of this plan (its subtree included). */
  progress: z.object({ tasks: TaskCountsSchema, reports: ReportCountsSchema }).nullable(),
  /** For `to_carry_out`: the unit's own implementing plan of this plan, if it made one. */
  implementingPlan: z.object({ id: z.string(), status: z.enum(PLAN_STATUSES) }).nullable(),
});
export type PlanListItem = z.infer<typeof PlanListItemSchema>;
export const PlanListSchema = z.object({ items: z.array(PlanListItemSchema), total: z.number() });
export type PlanList = z.infer<typeof PlanListSchema>;

const Nullable = z.string().nullable();
export const TaskViewSchema = z.object({
  id: z.string(),
  ord: z.number(),
  text: z.string(),
  kind: z.enum(TASK_KINDS),
  leadUnitIds: z.array(z.string()),
  supportUnitIds: z.array(z.string()),
  leadText: z.array(z.string()),
  supportText: z.array(z.string()),
  due: z.unknown().nullable(),
  dueText: Nullable,
  audience: z.object({ scope: z.enum(AUDIENCE_SCOPES), kinds: z.array(z.string()).optional(), unitIds: z.array(z.string()).optional() }),
  responsible: Nullable,
  responsibility: Nullable,
  authority: Nullable,
  output: Nullable,
  parentTaskId: Nullable,
});
export type TaskView = z.infer<typeof TaskViewSchema>;

export const ObligationViewSchema = z.object({
  id: z.string(),
  ord: z.number(),
  title: z.string(),
  fromText: Nullable,
  toText: Nullable,
  viaText: Nullable,
  toUnitId: Nullable,
  viaUnitId: Nullable,
  due: z.array(z.unknown()),
  cutoffDay: z.number().nullable(),
  form: z.object({
    figures: z.array(z.object({ key: z.string(), label: z.string(), unit: Nullable, of: Nullable })),
    sections: z.array(z.object({ key: z.string(), title: z.string() })),
  }),
  audience: TaskViewSchema.shape.audience,
});
export type ObligationView = z.infer<typeof ObligationViewSchema>;

export const PlanViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  number: Nullable,
  title: z.string(),
  issuedOn: Nullable,
  status: z.enum(PLAN_STATUSES),
  confidentiality: z.enum(CONFIDENTIALITY),
  parentPlanId: Nullable,
  parentPlan: z.object({ id: z.string(), number: Nullable, title: z.string(), unitId: z.string(), unitName: z.string() }).nullable(),
  implements: z.array(z.object({ id: z.string(), kind: z.string(), number: Nullable, title: Nullable, issuedOn: Nullable })),
  recipients: z.array(z.string()),
  reminderDays: z.array(z.number()),
  sessionNoticeDays: z.number().nullable(),
  publishedAt: Nullable,
  createdAt: z.string(),
  /** Units the published plan is addressed to. */
  audienceCount: z.number(),
  tasks: z.array(TaskViewSchema),
  obligations: z.array(ObligationViewSchema),
  /** Users granted on a secret plan explicitly (shown to those who may edit the plan). */
  accessUserIds: z.array(z.string()),
  /** A cancelled ("thu hồi") plan: when, by whom and why. */
  cancellation: z.object({ at: z.string(), byName: Nullable, reason: z.string() }).nullable(),
  /** edit, publish and delete a draft; cancel a published plan or one unit's instance of it. */
  permissions: z.object({ edit: z.boolean(), publish: z.boolean(), delete: z.boolean(), cancel: z.boolean() }),
});
export type PlanView = z.infer<typeof PlanViewSchema>;

export const PLAN_CANCEL_REASON_MAX = 1_000;
/**
 * POST /api/plans/:id/cancel, /api/task-instances/:id/cancel, /api/obligation-instances/:id/cancel:
 * why the plan or the instance is cancelled ("thu hồi"), recorded with who and when.
 */
export const CancelInputSchema = z.strictObject({
  reason: z.string({ message: 'Hãy nhập lý do thu hồi' }).trim().min(1, 'Hãy nhập lý do thu hồi').max(PLAN_CANCEL_REASON_MAX, `Lý do dài tối đa ${PLAN_CANCEL_REASON_MAX} ký tự`),
});
export type CancelInput = z.infer<typeof CancelInputSchema>;
/** How many task and report instances the cancellation closed. */
export const CancelResultSchema = z.object({ tasks: z.number(), reports: z.number() });
export type CancelResult = z.infer<typeof CancelResultSchema>;

export const PublishResultSchema = z.object({ instances: z.number() });
export type PublishResult = z.infer<typeof PublishResultSchema>;

/** POST /api/plans/:id/implementing: the unit (in the plan's audience) that makes its implementing plan. */
export const ImplementingCreateSchema = z.strictObject({ unitId: IdSchema });

/** POST /api/plans/:id/audience: units created or merged after publication, given the plan's work. */
export const AudienceAddSchema = z.strictObject({
  unitIds: z.array(IdSchema).min(1, 'Chọn ít nhất một đơn vị').max(PLAN_LIMITS.units),
  /** The tasks and obligations to give them; by default those whose audience rule takes them in. */
  taskIds: z.array(IdSchema).max(PLAN_LIMITS.tasks).optional(),
  obligationIds: z.array(IdSchema).max(PLAN_LIMITS.obligations).optional(),
});
export type AudienceAdd = z.infer<typeof AudienceAddSchema>;
export const AudienceAddResultSchema = z.object({ units: z.number(), instances: z.number() });

/** PUT /api/plans/:id/access: the users granted on a secret plan explicitly (the whole list). */
export const PlanAccessSchema = z.strictObject({ userIds: z.array(IdSchema).max(500) });

/** `?unit=` of the dashboards: the subtree to look at (default: the plan's unit). */
export const PlanUnitQuerySchema = z.strictObject({ unit: IdSchema.optional() });

/** One row of GET /api/plans/:id/progress: a direct child of the unit, its whole subtree counted. */
export const ProgressRowSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  tasks: TaskCountsSchema,
  reports: ReportCountsSchema,
});
export type ProgressRow = z.infer<typeof ProgressRowSchema>;

export const RatesSchema = z.object({
  /** Tasks done / tasks due so far. */
  taskCompletion: z.number(),
  /** Tasks done on time / (tasks done + tasks overdue). */
  taskOnTime: z.number(),
  /** Reports submitted / reports due so far. */
  reportSubmission: z.number(),
  /** Reports submitted on time / (reports submitted + reports missing). */
  reportOnTime: z.number(),
});
export type Rates = z.infer<typeof RatesSchema>;

/** GET /api/plans/:id/summary: the unit's own total, each child with its rates, and how it is counted. */
export const PlanSummarySchema = z.object({
  asOf: z.string(),
  unit: ProgressRowSchema,
  rates: RatesSchema,
  children: z.array(ProgressRowSchema.extend({ rates: RatesSchema })),
  /** The unit's own work (not its children's), when it has any: with the children it adds up to `unit`. */
  own: ProgressRowSchema.extend({ rates: RatesSchema }).nullable(),
  /** What counts, in words, for the page to show beside the figures. */
  explanation: z.array(z.string()),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/** How the figures are counted, as the dashboards say it. */
export const PROGRESS_EXPLANATION: readonly string[] = [
  'Số liệu tính cho toàn bộ các đơn vị trực thuộc (cả cấp dưới của cấp dưới), theo ngày hôm nay.',
  'Nhiệm vụ được tính là hoàn thành khi đơn vị đã đánh dấu hoàn thành; hoàn thành trễ hạn nếu ngày hoàn thành sau hạn.',
  'Nhiệm vụ quá hạn: chưa hoàn thành và đã qua ngày hạn. Nhiệm vụ thường xuyên (không có ngày hạn) không bao giờ bị tính quá hạn.',
  'Tỷ lệ hoàn thành = số đã hoàn thành / số đã đến hạn (đến hạn đến hôm nay, nhiệm vụ thường xuyên, và việc đã làm trước hạn); số cả kế hoạch ghi bên cạnh. Nhiệm vụ, báo cáo đã hủy không được tính.',
  'Báo cáo được tính là đã gửi khi đơn vị đã gửi và chưa bị trả lại (báo cáo bị trả lại tính là chưa gửi cho đến khi gửi lại); trễ hạn nếu lần gửi đầu tiên sau hạn; quá hạn chưa gửi nếu chưa gửi và đã qua hạn.',
  'Dòng "Chính đơn vị" là việc của riêng đơn vị đang xem; cộng với các dòng đơn vị trực thuộc bằng dòng tổng.',
  'Tỷ lệ đúng hạn = số hoàn thành (hoặc đã gửi) đúng hạn / (số đã hoàn thành + số quá hạn chưa hoàn thành).',
];

export const HeatmapSchema = z.object({
  tasks: z.array(z.object({ taskId: z.string(), ord: z.number(), text: z.string() })),
  units: z.array(z.object({ unitId: z.string(), name: z.string() })),
  /** Only cells with work: a unit × task pair without instances is absent. */
  cells: z.array(z.object({ unitId: z.string(), taskId: z.string(), total: z.number(), done: z.number(), overdue: z.number() })),
});
export type Heatmap = z.infer<typeof HeatmapSchema>;

export const OverdueQuerySchema = z.strictObject({
  unit: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const OverdueItemSchema = z.object({
  item: z.enum(['task', 'report']),
  instanceId: z.string(),
  /** The task or report obligation. */
  itemId: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The unit the unit belongs to, to tell units of the same name apart. */
  parentName: z.string().nullable(),
  periodLabel: z.string(),
  dueDate: z.string(),
  daysLate: z.number(),
  /** A report that was sent and returned: overdue again until it is resubmitted. */
  returned: z.boolean(),
});
export type OverdueItem = z.infer<typeof OverdueItemSchema>;
/** `tasks` and `reports` split `total`; they equal the dashboard's overdue tasks and missing reports. */
export const OverdueListSchema = z.object({ asOf: z.string(), items: z.array(OverdueItemSchema), total: z.number(), tasks: z.number(), reports: z.number() });
export type OverdueList = z.infer<typeof OverdueListSchema>;

export const StaleQuerySchema = OverdueQuerySchema.extend({ days: z.coerce.number().int().min(1).max(3650).default(30) });
export const StaleUnitSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  /** Instances of the plan not yet done or submitted. */
  openItems: z.number(),
  /** The last change to any of its instances of the plan (publication counts as one). */
  lastUpdateAt: z.string(),
  daysSinceUpdate: z.number(),
});
export const StaleListSchema = z.object({ items: z.array(StaleUnitSchema), total: z.number() });

export const CoverageSchema = z.array(
  z.object({
    taskId: z.string(),
    ord: z.number(),
    text: z.string(),
    /** Units (direct children of the unit looked at) the task is addressed to. */
    addressed: z.number(),
    covered: z.number(),
    /** Addressed units whose published implementing plan has no task carrying this one out. */
    uncovered: z.array(z.object({ unitId: z.string(), name: z.string(), parentName: z.string().nullable(), hasPlan: z.boolean() })),
  }),
);
export type Coverage = z.infer<typeof CoverageSchema>;

/** GET /api/plans/:id/tree: how deep to go below the plan (1: its direct implementing plans) and how many plans at most. */
export const PlanTreeQuerySchema = z.strictObject({
  maxDepth: z.coerce.number().int().min(1).max(20).default(20),
  limit: z.coerce.number().int().min(1).max(2_000).default(500),
});

export const PlanTreeSchema = z.array(
  z.object({
    id: z.string(),
    parentPlanId: Nullable,
    depth: z.number(),
    unitId: z.string(),
    unitName: z.string(),
    number: Nullable,
    title: z.string(),
    status: z.enum(PLAN_STATUSES),
    publishedAt: Nullable,
  }),
);
export type PlanTree = z.infer<typeof PlanTreeSchema>;

export const EvidenceSchema = z.strictObject({
  title: Line(LIMITS.name).min(1, 'Hãy đặt tên minh chứng'),
  /** Where the file or page is kept. */
  url: z.url({ protocol: /^https?$/, message: 'Đường dẫn không hợp lệ' }).max(2_000).nullable().optional(),
  note: Line(1_000).nullable().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const TaskInstanceViewSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planNumber: Nullable,
  planTitle: z.string(),
  taskId: z.string(),
  taskText: z.string(),
  taskKind: z.enum(TASK_KINDS),
  unitId: z.string(),
  unitName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  periodStart: Nullable,
  periodEnd: Nullable,
  dueDate: Nullable,
  /** open | done | cancelled, as stored. */
  state: z.enum(['open', 'done', 'cancelled']),
  /** chưa đến hạn / sắp đến hạn / quá hạn / hoàn thành đúng hạn / hoàn thành trễ hạn, on today. */
  status: z.enum(INSTANCE_STATUSES),
  statusLabel: z.string(),
  /** Days past the due date (of today while open, of the day done when done late); null otherwise. */
  daysLate: z.number().nullable(),
  doneOn: Nullable,
  /** Done beyond requirements ("vượt mức"); only ever true on a task done. */
  beyond: z.boolean(),
  progressNote: Nullable,
  evidence: z.array(z.object({ title: z.string(), url: Nullable.optional(), note: Nullable.optional() })),
  fulfilledByPlanId: Nullable,
  updatedAt: z.string(),
});
export type TaskInstanceView = z.infer<typeof TaskInstanceViewSchema>;

export const TaskInstanceListQuerySchema = z.strictObject({
  planId: IdSchema.optional(),
  status: z.enum(INSTANCE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type TaskInstanceListQuery = z.infer<typeof TaskInstanceListQuerySchema>;
export const TaskInstanceListSchema = z.object({ items: z.array(TaskInstanceViewSchema), total: z.number() });

/** Why `beyond: true` is refused on a task that is not done. */
export const BEYOND_NOT_DONE_MESSAGE = 'Chỉ đánh dấu "vượt mức yêu cầu" cho nhiệm vụ đã hoàn thành';

/**
 * PATCH /api/task-instances/:id. `evidence` replaces the list; `done: false` reopens a task (and
 * clears "vượt mức"). `beyond` marks the task done beyond requirements, or not: true only on a task
 * that is done or being marked done.
 */
export const TaskInstancePatchSchema = z
  .strictObject({
    progressNote: Line(LIMITS.text).nullable().optional(),
    done: z.boolean().optional(),
    /** The day it was done (default today); only with `done: true`. */
    doneOn: IsoDateSchema.optional(),
    /** Done beyond requirements ("vượt mức"). */
    beyond: z.boolean().optional(),
    evidence: z.array(EvidenceSchema).max(PLAN_LIMITS.evidence).optional(),
  })
  .refine((p) => p.progressNote !== undefined || p.done !== undefined || p.evidence !== undefined || p.beyond !== undefined, { message: 'Không có gì để cập nhật' })
  .refine((p) => p.doneOn === undefined || p.done === true, { message: 'Ngày hoàn thành chỉ đi cùng done: true', path: ['doneOn'] })
  .refine((p) => p.beyond !== true || p.done !== false, { message: BEYOND_NOT_DONE_MESSAGE, path: ['beyond'] });
export type TaskInstancePatch = z.infer<typeof TaskInstancePatchSchema>;

/** POST /api/task-instances/bulk: one action on many instances; `evidence` is added to each; `done: false` clears "vượt mức". */
export const TaskInstanceBulkSchema = z
  .strictObject({
    ids: z.array(IdSchema).min(1, 'Chọn ít nhất một nhiệm vụ').max(PLAN_LIMITS.bulk),
    done: z.boolean(),
    doneOn: IsoDateSchema.optional(),
    progressNote: Line(LIMITS.text).nullable().optional(),
    evidence: z.array(EvidenceSchema).max(PLAN_LIMITS.evidence).optional(),
    /** Done beyond requirements ("vượt mức"), for every task chosen; left out, each keeps its own. */
    beyond: z.boolean().optional(),
  })
  .refine((p) => p.doneOn === undefined || p.done, { message: 'Ngày hoàn thành chỉ đi cùng done: true', path: ['doneOn'] })
  .refine((p) => p.beyond !== true || p.done, { message: BEYOND_NOT_DONE_MESSAGE, path: ['beyond'] });
export type TaskInstanceBulk = z.infer<typeof TaskInstanceBulkSchema>;
export const BulkResultSchema = z.object({ updated: z.number() });

export const UpcomingQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const UpcomingItemSchema = z.object({
  item: z.enum(['task', 'report']),
  instanceId: z.string(),
  itemId: z.string(),
  title: z.string(),
  planId: z.string(),
  planNumber: Nullable,
  planTitle: z.string(),
  periodLabel: z.string(),
  dueDate: z.string(),
  daysLeft: z.number(),
});
export type UpcomingItem = z.infer<typeof UpcomingItemSchema>;
export const UpcomingListSchema = z.object({ asOf: z.string(), items: z.array(UpcomingItemSchema), total: z.number() });

export const UnitNameMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `exact`: the name after normalisation; `strong`: its beginning; `weak`: most of its words. */
  strength: z.enum(['exact', 'strong', 'weak']),
  /** Where the unit stands from the plan's unit. */
  relation: z.enum(['self', 'below', 'above']),
});
export type UnitNameMatch = z.infer<typeof UnitNameMatchSchema>;

/**
 * GET /api/plans/:id/unit-proposals: for each name the draft writes as the document does (lead
 * and support of a task, recipient and channel of a report), the units it stands for among the
 * plan unit, its departments and subtree, and the units above it (core/org-tree/match-unit-names.ts).
 */
export const PlanUnitProposalsSchema = z.object({
  names: z.array(
    z.object({
      text: z.string(),
      /** Units to pre-select, for the user to confirm or change; empty when no match is sure. */
      selected: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Every selected unit is the name after normalisation. */
      exact: z.boolean(),
      /** Every match, best first, to offer as suggestions. */
      matches: z.array(UnitNameMatchSchema),
    }),
  ),
});
export type PlanUnitProposals = z.infer<typeof PlanUnitProposalsSchema>;
