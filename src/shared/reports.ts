import { z, IdSchema, IsoDateSchema, LIMITS } from './common.ts';
import { AttachmentFileSchema, AttachmentListSchema } from './attachments.ts';
import { daysLate, INSTANCE_STATUS_LABELS } from '#core/deadline/resolve.ts';
import type { InstanceStatus } from '#core/deadline/resolve.ts';

/**
 * Reports (báo cáo): what a unit must report (obligation instances), its submissions version by
 * version, the receiving level's review (accept / return), the status of an obligation over a
 * subtree, and urging the late.
 *
 * How a report counts (the dashboards say so): a report is *submitted* once a version has been
 * submitted and not returned — accepted or awaiting review; a returned report counts as not
 * submitted until the unit submits again. Lateness is judged on the day the FIRST version was
 * submitted, so correcting a report after the due date does not make it late.
 */
export const REPORT_LIMITS = {
  narrative: 20_000,
  key: 60,
  figures: 200,
  sections: 50,
  attachments: 20,
  comment: 5_000,
  message: 2_000,
  /** The largest figure accepted (figures are counts of people, meetings, documents). */
  figureMax: 1_000_000_000,
} as const;

export const OBLIGATION_STATUSES = ['pending', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, { vi: string; en: string }> = {
  pending: { vi: 'Chưa báo cáo', en: 'Not started' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ tiếp nhận', en: 'Submitted, awaiting review' },
  returned: { vi: 'Bị trả lại, cần gửi lại', en: 'Returned for correction' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
};

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const DEADLINE_STATUSES = ['not_due', 'due_soon', 'overdue', 'done_on_time', 'done_late'] as const satisfies readonly InstanceStatus[];
export { INSTANCE_STATUS_LABELS };

const Key = z.string().trim().min(1).max(REPORT_LIMITS.key);
const FigureValue = z
  .number({ message: 'Số liệu phải là một số' })
  .int('Số liệu phải là số nguyên')
  .min(0, 'Số liệu không được âm')
  .max(REPORT_LIMITS.figureMax, 'Số liệu quá lớn')
  .nullable();

export const AttachmentSchema = z.strictObject({
  name: z.string().trim().min(1, 'Hãy đặt tên tệp đính kèm').max(LIMITS.name),
  /** A stored file of the system, or a link to where the file is kept. */
  fileId: IdSchema.optional(),
  url: z.url({ protocol: /^https?$/, message: 'Đường dẫn không hợp lệ' }).max(2_000).optional(),
  mime: z.string().max(200).optional(),
  size: z.number().int().min(0).optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * POST /api/obligations/:id/submissions. `:id` is an obligation instance (one unit, one period), or
 * a report obligation together with `unitId` and `period` (the period key, e.g. "2022-Q1"; it may
 * be left out when the unit owes that report for one period only). `submit: false` saves the
 * working draft (updated in place until submitted); `submit: true` submits it, after which that
 * version never changes. After a return, the next save starts the next version.
 */
export const SubmissionInputSchema = z.strictObject({
  figures: z.record(Key, FigureValue).default({}).refine((f) => Object.keys(f).length <= REPORT_LIMITS.figures, 'Quá nhiều chỉ tiêu'),
  narrative: z
    .record(Key, z.string().max(REPORT_LIMITS.narrative, `Mỗi mục dài tối đa ${REPORT_LIMITS.narrative.toLocaleString('vi-VN')} ký tự`))
    .default({})
    .refine((n) => Object.keys(n).length <= REPORT_LIMITS.sections, 'Quá nhiều mục'),
  attachments: z.array(AttachmentSchema).max(REPORT_LIMITS.attachments, `Đính kèm tối đa ${REPORT_LIMITS.attachments} tệp`).optional(),
  submit: z.boolean(),
  /** Entered by the level above on the unit's behalf, from paper ("nhập thay"): never the default. */
  onBehalf: z.boolean().optional(),
  unitId: IdSchema.optional(),
  period: z.string().trim().min(1).max(40).optional(),
});
export type SubmissionInput = z.infer<typeof SubmissionInputSchema>;

export const SubmissionSavedSchema = z.object({
  submissionId: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'submitted']),
});
export type SubmissionSaved = z.infer<typeof SubmissionSavedSchema>;

export const ReturnInputSchema = z.strictObject({
  comment: z.string().trim().min(1, 'Hãy ghi ý kiến khi trả lại báo cáo').max(REPORT_LIMITS.comment),
});
export const AcceptInputSchema = z.strictObject({
  comment: z.string().trim().max(REPORT_LIMITS.comment).optional(),
});
export const ReviewResultSchema = z.object({ submissionId: z.string(), version: z.number(), status: z.enum(['accepted', 'returned']) });
export type ReviewResult = z.infer<typeof ReviewResultSchema>;

const UserRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();
const DeadlineStatusSchema = z.enum(DEADLINE_STATUSES);

/** GET /api/units/:id/obligations — what the unit must report. */
export const ObligationListQuerySchema = z.strictObject({
  /** `open` = not submitted yet (pending, draft or returned). */
  status: z.enum(['all', 'open', ...OBLIGATION_STATUSES]).default('all'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ObligationListQuery = z.infer<typeof ObligationListQuerySchema>;

const InstanceCoreSchema = z.object({
  id: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(OBLIGATION_STATUSES),
  /** chưa đến hạn / sắp đến hạn / quá hạn / hoàn thành đúng hạn / hoàn thành trễ hạn, on today. */
  deadlineStatus: DeadlineStatusSchema,
  deadlineLabel: z.string(),
  /** Days past the due date: of the first submission when submitted late, of today when missing; null otherwise. */
  daysLate: z.number().nullable(),
  currentVersion: z.number(),
  firstSubmittedOn: z.string().nullable(),
});

export const ObligationRowSchema = InstanceCoreSchema.extend({
  obligationId: z.string(),
  title: z.string(),
  planId: z.string(),
  planNumber: z.string().nullable(),
  planTitle: z.string().nullable(),
  toText: z.string().nullable(),
  viaText: z.string().nullable(),
  toUnitName: z.string().nullable(),
  viaUnitName: z.string().nullable(),
});
export type ObligationRow = z.infer<typeof ObligationRowSchema>;
export const ObligationListSchema = z.object({ items: z.array(ObligationRowSchema), total: z.number() });
export type ObligationList = z.infer<typeof ObligationListSchema>;

export const SubmissionVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(SUBMISSION_STATUSES),
  figures: z.record(z.string(), z.number().nullable()),
  narrative: z.record(z.string(), z.string()),
  attachments: z.array(AttachmentSchema),
  /** The files this version sends: frozen once sent; a draft lists the report's working set. */
  files: z.array(AttachmentFileSchema),
  createdBy: UserRefSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedBy: UserRefSchema,
  submittedAt: z.string().nullable(),
  /** Entered by the level above on the unit's behalf ("nhập thay"); `createdBy` says who. */
  enteredOnBehalf: z.boolean(),
  reviewComment: z.string().nullable(),
  reviewedBy: UserRefSchema,
  reviewedAt: z.string().nullable(),
});
export type SubmissionVersion = z.infer<typeof SubmissionVersionSchema>;

const FormSchema = z.object({
  figures: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string().nullable(), of: z.string().nullable() })),
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
});

/** GET /api/obligation-instances/:id — the instance with every version, oldest first. */
export const ObligationInstanceDetailSchema = InstanceCoreSchema.extend({
  unit: z.object({ id: z.string(), name: z.string() }),
  plan: z.object({ id: z.string(), number: z.string().nullable(), title: z.string().nullable(), unitId: z.string(), unitName: z.string() }),
  obligation: z.object({
    id: z.string(),
    title: z.string(),
    fromText: z.string().nullable(),
    toText: z.string().nullable(),
    viaText: z.string().nullable(),
    toUnitName: z.string().nullable(),
    viaUnitName: z.string().nullable(),
    /** Ngày chốt số liệu: the day of the month the figures are counted to. */
    cutoffDay: z.number().nullable(),
    /** The form to fill; `sections` always holds at least the default section. */
    form: FormSchema,
  }),
  versions: z.array(SubmissionVersionSchema),
  /** The working set: the files the next version sends (carried forward from the last, and those added since). */
  files: AttachmentListSchema,
  /** What the reader may do now: fill / submit the report, review the current version. */
  can: z.object({ submit: z.boolean(), enterOnBehalf: z.boolean(), review: z.boolean() }),
  /** The unit that receives and reviews the report. */
  receiver: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * Figures the system knows, by figure key (core/reports/known-figures.ts): the unit's party
   * members — its own and those of the units below it — from the member list on `asOf`. The form
   * fills them in; the unit may change them.
   */
  known: z.record(z.string(), z.object({ value: z.number(), source: z.enum(['party_members']), asOf: z.string() })),
});
export type ObligationInstanceDetail = z.infer<typeof ObligationInstanceDetailSchema>;

/**
 * GET /api/obligations/:id/status — for the receiving level: every unit of the subtree that owes the
 * report. `state`: submitted (on time or late), late (submitted after the due date), missing (not
 * submitted and past due — returned reports included), returned, pending (not submitted, not yet due).
 */
export const REPORT_STATES = ['submitted', 'late', 'missing', 'returned', 'pending'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<ReportState, { vi: string; en: string }> = {
  submitted: { vi: 'Đã báo cáo', en: 'Submitted' },
  late: { vi: 'Báo cáo trễ hạn', en: 'Submitted late' },
  missing: { vi: 'Quá hạn chưa báo cáo', en: 'Missing, overdue' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  pending: { vi: 'Chưa đến hạn, chưa báo cáo', en: 'Not yet due' },
};

export const ObligationStatusQuerySchema = z.strictObject({
  /** The subtree to look at (default: the plan's unit). */
  unit: IdSchema.optional(),
  /** A period key; all periods when left out. */
  period: z.string().trim().min(1).max(40).optional(),
  /** `awaiting`: submitted and not yet accepted or returned ("chờ tiếp nhận"). */
  state: z.enum(['all', 'awaiting', ...REPORT_STATES]).default('all'),
  /**
   * `received` (default): the reports the unit itself receives (docs/decisions/014); `subtree`:
   * every report owed in its subtree, whoever receives it.
   */
  reach: z.enum(['received', 'subtree']).default('received'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ObligationStatusQuery = z.infer<typeof ObligationStatusQuerySchema>;

export const ObligationStatusRowSchema = z.object({
  instanceId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The unit the reporting unit belongs to, to tell units of the same name apart. */
  parentName: z.string().nullable(),
  periodKey: z.string(),
  periodLabel: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(OBLIGATION_STATUSES),
  state: z.enum(REPORT_STATES),
  version: z.number(),
  submittedOn: z.string().nullable(),
  daysLate: z.number().nullable(),
  /** Entered by the level above on the unit's behalf ("nhập thay"). */
  enteredOnBehalf: z.boolean(),
  /** For a unit that receives reports of units below it (a đảng bộ cơ sở): how far they are, to drill down. */
  receives: z.object({ expected: z.number(), submitted: z.number(), awaiting: z.number() }).nullable(),
});
export type ObligationStatusRow = z.infer<typeof ObligationStatusRowSchema>;

export const ObligationStatusListSchema = z.object({
  obligation: z.object({ id: z.string(), title: z.string(), planId: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  periods: z.array(z.object({ key: z.string(), label: z.string(), dueDate: z.string().nullable() })),
  /** Over the whole selection (unit, period), whatever the state filter and page. */
  summary: z.object({ expected: z.number(), submitted: z.number(), late: z.number(), missing: z.number(), returned: z.number(), awaiting: z.number() }),
  items: z.array(ObligationStatusRowSchema),
  total: z.number(),
});
export type ObligationStatusList = z.infer<typeof ObligationStatusListSchema>;

/**
 * POST /api/obligations/:id/urge — notify the leaders of every unit of the subtree that has not
 * submitted the report of `period`: `scope: 'overdue'` (default) those past the due date,
 * `'not_submitted'` every unit that has not submitted yet.
 */
export const UrgeInputSchema = z.strictObject({
  period: z.string().trim().min(1).max(40),
  unit: IdSchema.optional(),
  message: z.string().trim().min(1, 'Hãy nhập nội dung đôn đốc').max(REPORT_LIMITS.message),
  scope: z.enum(['overdue', 'not_submitted']).default('overdue'),
  /** The units whose report the unit receives (default), or every unit of its subtree. */
  reach: z.enum(['received', 'subtree']).default('received'),
});
export type UrgeInput = z.infer<typeof UrgeInputSchema>;
export const UrgeResultSchema = z.object({
  /** Units urged. */
  units: z.number(),
  /** Notifications created (a unit's leaders each get one; the same message the same day is sent once). */
  notifications: z.number(),
  /**
   * Units urged that nobody could be told of (no active account of a secretary, deputy or staff):
   * the urging letter reaches them on paper.
   */
  unreached: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type UrgeResult = z.infer<typeof UrgeResultSchema>;

export const IdParamsSchema = z.strictObject({ id: IdSchema });

/**
 * GET /api/units/:id/received-reports — for the staff of a receiving unit, across all its plans:
 * `awaiting` the reports sent to it and not yet accepted or returned (oldest first), `late` those
 * past due and not sent (most late first). The summary also counts what falls due this week and
 * this month among the reports it receives (docs/decisions/014-reporting-chain.md).
 */
export const ReceivedReportsQuerySchema = z.strictObject({
  state: z.enum(['awaiting', 'late']).default('awaiting'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ReceivedReportsQuery = z.infer<typeof ReceivedReportsQuerySchema>;
export const ReceivedReportRowSchema = z.object({
  instanceId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The unit the reporting unit belongs to, to tell units of the same name apart. */
  parentName: z.string().nullable(),
  planId: z.string(),
  planNumber: z.string().nullable(),
  title: z.string(),
  periodLabel: z.string(),
  dueDate: z.string().nullable(),
  submittedOn: z.string().nullable(),
  version: z.number(),
  daysLate: z.number().nullable(),
});
export type ReceivedReportRow = z.infer<typeof ReceivedReportRowSchema>;
export const ReceivedReportsSchema = z.object({
  summary: z.object({ awaiting: z.number(), late: z.number(), dueThisWeek: z.number(), dueThisMonth: z.number() }),
  items: z.array(ReceivedReportRowSchema),
  total: z.number(),
});
export type ReceivedReports = z.infer<typeof ReceivedReportsSchema>;

/** The widest window of the calendar of what falls due below: six weeks, the days a month grid shows. */
export const DUE_BELOW_MAX_DAYS = 42;

/**
 * GET /api/units/:id/due-below — for the staff of a committee, what falls due below them day by
 * day between `from` and `to` (at most six weeks): the reports the unit receives, by state, and the
 * task instances of the units below it, open or done.
 */
export const DueBelowQuerySchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] })
  .refine((q) => daysLate(q.from, q.to) < DUE_BELOW_MAX_DAYS, { message: `Chỉ xem được tối đa ${DUE_BELOW_MAX_DAYS} ngày một lần`, path: ['to'] });
export type DueBelowQuery = z.infer<typeof DueBelowQuerySchema>;
export const DueBelowDaySchema = z.object({
  date: z.string(),
  /** Reports the unit receives due that day: not sent yet (pending, draft, returned), awaiting acceptance, accepted. */
  reports: z.object({ notSent: z.number(), submitted: z.number(), accepted: z.number() }),
  /** Task instances of the units below due that day. */
  tasks: z.object({ open: z.number(), done: z.number() }),
});
export type DueBelowDay = z.infer<typeof DueBelowDaySchema>;
export const DueBelowSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  /** The days with something due, in order. */
  days: z.array(DueBelowDaySchema),
});
export type DueBelow = z.infer<typeof DueBelowSchema>;

/** GET /api/units/:id/due-below/items — what falls due below on one day, not sent and open first. */
export const DueBelowItemsQuerySchema = z.strictObject({
  date: IsoDateSchema,
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type DueBelowItemsQuery = z.infer<typeof DueBelowItemsQuerySchema>;
export const DueBelowItemSchema = z.object({
  item: z.enum(['report', 'task']),
  instanceId: z.string(),
  /** The report obligation or the task. */
  itemId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  planId: z.string(),
  planNumber: z.string().nullable(),
  title: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  /** A report: pending, draft, submitted, returned, accepted; a task: open, done. */
  state: z.string(),
  /** Not sent (a report) or not done (a task). */
  open: z.boolean(),
});
export type DueBelowItem = z.infer<typeof DueBelowItemSchema>;
export const DueBelowItemsSchema = z.object({ items: z.array(DueBelowItemSchema), total: z.number() });
export type DueBelowItems = z.infer<typeof DueBelowItemsSchema>;
