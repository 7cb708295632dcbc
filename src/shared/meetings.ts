import { z, IdSchema, IsoDateSchema, LIMITS, MonthSchema } from './common.ts';
import { MemberCategorySchema } from './members.ts';
import { AttachmentSchema } from './reports.ts';
import {
  ATTENDANCE_STATUS_NAMES, DEFAULT_PARTICIPANT_CATEGORIES, MEETING_KIND_NAMES, MEETING_STATUS_NAMES, OBSERVER_ROLE_NAMES, SESSION_LENGTH_NAMES,
} from '#core/meetings/kinds.ts';
import { CHECK_CODES } from '#core/meetings/quality.ts';
import { THEMATIC_EVERY } from '#core/meetings/rules.ts';

/**
 * Meetings (API module `meetings`): study sessions and cell meetings of a unit, their attendance
 * and make-up sessions, coverage rolled up the tree, meeting quality against the dated rule sets,
 * higher levels registering to attend or supervise, and the political-activity campaigns.
 */
export const MEETING_LIMITS = {
  title: 1_000,
  text: 5_000,
  minutes: 50_000,
  materials: 30,
  rapporteurs: 10,
  documents: 50,
  attendance: 2_000,
  months: 24,
  topics: 20,
  monthDocuments: 30,
  reason: 500,
} as const;

const Line = (max: number) => z.string().trim().max(max, `Dài tối đa ${max} ký tự`);
const Text = (max: number) => z.string().max(max, `Dài tối đa ${max.toLocaleString('vi-VN')} ký tự`);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ không hợp lệ (HH:MM, ví dụ 07:30)');

export const MeetingKindSchema = z.enum(MEETING_KIND_NAMES, { message: 'Loại hội nghị, buổi sinh hoạt không hợp lệ' });
export const MeetingStatusSchema = z.enum(MEETING_STATUS_NAMES);
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUS_NAMES, { message: 'Trạng thái điểm danh không hợp lệ' });
export const ObserverRoleSchema = z.enum(OBSERVER_ROLE_NAMES, { message: 'Hãy chọn dự hoặc giám sát' });

export const MaterialSchema = z.strictObject({
  title: Line(LIMITS.name).min(1, 'Hãy nhập tên tài liệu'),
  url: z.url({ protocol: /^https?$/, message: 'Đường dẫn không hợp lệ' }).max(2_000).nullable().optional(),
});
export type Material = z.infer<typeof MaterialSchema>;

export const RapporteurSchema = z.strictObject({
  /** A person of the roster; a rapporteur from outside it is given by name only. */
  personId: IdSchema.nullable().optional(),
  name: Line(LIMITS.name).min(1, 'Hãy nhập tên báo cáo viên'),
  unitName: Line(LIMITS.name).nullable().optional(),
});
export type Rapporteur = z.infer<typeof RapporteurSchema>;

/** The fields of a meeting a person plans and later records. */
const MeetingFields = {
  kind: MeetingKindSchema,
  title: Line(MEETING_LIMITS.title).min(1, 'Hãy nhập tên hội nghị, buổi sinh hoạt'),
  /** The planned day, then the day it was held. */
  date: IsoDateSchema,
  startTime: Time.nullable(),
  sessionLength: z.enum(SESSION_LENGTH_NAMES).nullable(),
  place: Line(LIMITS.name).nullable(),
  chairPersonId: IdSchema.nullable(),
  /** Chủ trì, as written when not a member of the unit ("Đồng chí Bí thư Đảng ủy"). */
  chairName: Line(LIMITS.name).nullable(),
  /** Who must attend and study: party members by default, widened to cadres, union members, workers. */
  categories: z.array(MemberCategorySchema).min(1, 'Hãy chọn thành phần tham dự').max(7),
  rapporteurs: z.array(RapporteurSchema).max(MEETING_LIMITS.rapporteurs),
  /** A rapporteur requested from the higher level: what is asked ("Đề nghị Ban Thường vụ Đảng ủy Khối phân công báo cáo viên"). */
  rapporteurRequest: Line(MEETING_LIMITS.text).nullable(),
  materials: z.array(MaterialSchema).max(MEETING_LIMITS.materials),
  /** The day the materials reached the members. */
  materialsSentOn: IsoDateSchema.nullable(),
  /** Members who cannot attend may confirm self-study (seed 001: "kết hợp ... với tự học, tự nghiên cứu"). */
  selfStudyAllowed: z.boolean(),
  /** The documents studied or discussed (document records). */
  documentIds: z.array(IdSchema).max(MEETING_LIMITS.documents),
  /** The task instance of the unit this meeting fulfils. */
  taskInstanceId: IdSchema.nullable(),
  /** The campaign month this monthly meeting covers. */
  campaignMonthId: IdSchema.nullable(),
  /** The round of personal plans this thematic meeting discussed (seed 003 §3, step 3). */
  roundId: IdSchema.nullable(),
  /** The content covered. */
  content: Text(MEETING_LIMITS.text).nullable(),
};

/** POST /api/meetings: plan a study session or a cell meeting. */
export const MeetingCreateSchema = z.strictObject({
  unitId: IdSchema,
  kind: MeetingFields.kind.default('study'),
  title: MeetingFields.title,
  date: MeetingFields.date,
  startTime: MeetingFields.startTime.optional(),
  sessionLength: MeetingFields.sessionLength.optional(),
  place: MeetingFields.place.optional(),
  chairPersonId: MeetingFields.chairPersonId.optional(),
  chairName: MeetingFields.chairName.optional(),
  categories: MeetingFields.categories.default([...DEFAULT_PARTICIPANT_CATEGORIES]),
  rapporteurs: MeetingFields.rapporteurs.default([]),
  rapporteurRequest: MeetingFields.rapporteurRequest.optional(),
  materials: MeetingFields.materials.default([]),
  materialsSentOn: MeetingFields.materialsSentOn.optional(),
  selfStudyAllowed: MeetingFields.selfStudyAllowed.default(false),
  documentIds: MeetingFields.documentIds.default([]),
  taskInstanceId: MeetingFields.taskInstanceId.optional(),
  campaignMonthId: MeetingFields.campaignMonthId.optional(),
  roundId: MeetingFields.roundId.optional(),
  content: MeetingFields.content.optional(),
});
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;

/**
 * PATCH /api/meetings/:id: what changes. Recording the result: `status: 'held'` with the duration,
 * the content covered and the minutes (biên bản) as text or attachments; `cancelled` cancels it.
 */
export const MeetingUpdateSchema = z
  .strictObject({
    kind: MeetingFields.kind.optional(),
    title: MeetingFields.title.optional(),
    date: MeetingFields.date.optional(),
    startTime: MeetingFields.startTime.optional(),
    sessionLength: MeetingFields.sessionLength.optional(),
    place: MeetingFields.place.optional(),
    chairPersonId: MeetingFields.chairPersonId.optional(),
    chairName: MeetingFields.chairName.optional(),
    categories: MeetingFields.categories.optional(),
    rapporteurs: MeetingFields.rapporteurs.optional(),
    rapporteurRequest: MeetingFields.rapporteurRequest.optional(),
    materials: MeetingFields.materials.optional(),
    materialsSentOn: MeetingFields.materialsSentOn.optional(),
    selfStudyAllowed: MeetingFields.selfStudyAllowed.optional(),
    documentIds: MeetingFields.documentIds.optional(),
    taskInstanceId: MeetingFields.taskInstanceId.optional(),
    campaignMonthId: MeetingFields.campaignMonthId.optional(),
    roundId: MeetingFields.roundId.optional(),
    content: MeetingFields.content.optional(),
    status: MeetingStatusSchema.optional(),
    durationMinutes: z.number().int().min(1, 'Thời lượng tính bằng phút').max(1_440).nullable().optional(),
    minutes: Text(MEETING_LIMITS.minutes).nullable().optional(),
    attachments: z.array(AttachmentSchema).max(20).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'Không có gì để cập nhật' });
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

/** POST /api/meetings/:id/makeup: a make-up session (học bù) for those who missed the session. */
export const MakeupCreateSchema = z.strictObject({
  date: IsoDateSchema,
  startTime: Time.nullable().optional(),
  place: Line(LIMITS.name).nullable().optional(),
  title: Line(MEETING_LIMITS.title).min(1).optional(),
});
export type MakeupCreate = z.infer<typeof MakeupCreateSchema>;

export const AttendanceEntrySchema = z
  .strictObject({
    personId: IdSchema,
    /** null clears the mark. */
    status: AttendanceStatusSchema.nullable(),
    reason: Line(MEETING_LIMITS.reason).nullable().optional(),
  })
  .refine((e) => e.status !== 'excused' || (e.reason ?? '').trim().length > 0, { message: 'Hãy ghi lý do vắng mặt', path: ['reason'] });
export type AttendanceEntry = z.infer<typeof AttendanceEntrySchema>;

/** PUT /api/meetings/:id/attendance: marks of some members (the others keep theirs). */
export const AttendanceSaveSchema = z.strictObject({
  entries: z.array(AttendanceEntrySchema).min(1, 'Chưa có ai được điểm danh').max(MEETING_LIMITS.attendance),
});
export type AttendanceSave = z.infer<typeof AttendanceSaveSchema>;

/** POST /api/meetings/:id/observers: a higher level registers to attend or supervise, acting for `unitId`. */
export const ObserverCreateSchema = z.strictObject({ unitId: IdSchema, role: ObserverRoleSchema });

export const MeetingIdParamsSchema = z.strictObject({ id: IdSchema });

export const MeetingListQuerySchema = z.strictObject({
  kind: MeetingKindSchema.optional(),
  status: MeetingStatusSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Make-up sessions are listed under their main session unless asked for. */
  makeups: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;

const Nullable = z.string().nullable();

export const CoverageFiguresSchema = z.object({
  mustStudy: z.number(),
  studied: z.number(),
  /** Whole percent, truncated; null without anybody due. */
  percent: z.number().nullable(),
});
export type CoverageFigures = z.infer<typeof CoverageFiguresSchema>;

export const NoticeSchema = z.object({
  state: z.enum(['not_required', 'sent', 'sent_late', 'open', 'late']),
  requiredDays: z.number().nullable(),
  deadline: Nullable,
  daysLeft: z.number(),
  message: Nullable,
  warning: z.boolean(),
  sentUpAt: Nullable,
});
export type NoticeView = z.infer<typeof NoticeSchema>;

export const MeetingRowSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: MeetingKindSchema,
  title: z.string(),
  status: MeetingStatusSchema,
  date: z.string(),
  startTime: Nullable,
  place: Nullable,
  makeupOf: Nullable,
  makeupCount: z.number(),
  /** For a main session: coverage over it and its make-up sessions. */
  coverage: CoverageFiguresSchema,
  notice: NoticeSchema,
  campaignMonth: Nullable,
  observers: z.number(),
});
export type MeetingRow = z.infer<typeof MeetingRowSchema>;
export const MeetingListSchema = z.object({ items: z.array(MeetingRowSchema), total: z.number() });
export type MeetingList = z.infer<typeof MeetingListSchema>;

export const CheckSchema = z.object({ code: z.enum(CHECK_CODES), ok: z.boolean(), detail: z.string() });
export const TallySchema = z.object({ expected: z.number(), present: z.number(), excused: z.number(), absent: z.number(), unmarked: z.number(), selfStudy: z.number() });

export const MeetingDetailSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  kind: MeetingKindSchema,
  title: z.string(),
  status: MeetingStatusSchema,
  date: z.string(),
  startTime: Nullable,
  sessionLength: z.enum(SESSION_LENGTH_NAMES).nullable(),
  durationMinutes: z.number().nullable(),
  place: Nullable,
  chairPersonId: Nullable,
  chairName: Nullable,
  categories: z.array(z.string()),
  rapporteurs: z.array(z.object({ personId: Nullable.optional(), name: z.string(), unitName: Nullable.optional() })),
  rapporteurRequest: Nullable,
  materials: z.array(z.object({ title: z.string(), url: Nullable.optional() })),
  materialsSentOn: Nullable,
  selfStudyAllowed: z.boolean(),
  documents: z.array(z.object({ id: z.string(), kind: z.string(), number: Nullable, title: Nullable, issuedOn: Nullable })),
  content: Nullable,
  minutes: Nullable,
  attachments: z.array(AttachmentSchema),
  makeupOf: z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable(),
  makeups: z.array(z.object({ id: z.string(), date: z.string(), status: MeetingStatusSchema, present: z.number() })),
  /** Coverage of the group (main session and make-up sessions). */
  coverage: CoverageFiguresSchema.extend({ selfStudied: z.number() }),
  /** The tally of this meeting alone. */
  tally: TallySchema,
  notice: NoticeSchema,
  task: z
    .object({ id: z.string(), planId: z.string(), planNumber: Nullable, planTitle: z.string(), taskText: z.string(), periodLabel: z.string(), state: z.string() })
    .nullable(),
  campaign: z.object({ id: z.string(), title: z.string(), monthId: z.string(), month: z.string(), topics: z.array(z.string()) }).nullable(),
  /** The round of personal plans the meeting discussed. */
  round: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The quality checks of a held cell meeting, against the rule set in force on its date. */
  quality: z.object({ ruleSet: z.object({ id: z.string(), name: z.string() }).nullable(), checks: z.array(CheckSchema), ok: z.boolean() }).nullable(),
  observers: z.array(z.object({ userId: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), role: ObserverRoleSchema })),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ edit: z.boolean(), observe: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const MeetingSavedSchema = z.object({ id: z.string(), notice: NoticeSchema });
export type MeetingSaved = z.infer<typeof MeetingSavedSchema>;

export const RosterItemSchema = z.object({
  personId: z.string(),
  fullName: z.string(),
  category: z.string(),
  positions: z.array(z.string()),
  status: AttendanceStatusSchema.nullable(),
  reason: Nullable,
});
export type RosterItem = z.infer<typeof RosterItemSchema>;

export const AttendanceRosterSchema = z.object({
  meetingId: z.string(),
  date: z.string(),
  isMakeup: z.boolean(),
  selfStudyAllowed: z.boolean(),
  /** Members due at this meeting (for a make-up session: those of the group who have not studied elsewhere). */
  items: z.array(RosterItemSchema),
  coverage: CoverageFiguresSchema.extend({ selfStudied: z.number() }),
  tally: TallySchema,
  canEdit: z.boolean(),
});
export type AttendanceRoster = z.infer<typeof AttendanceRosterSchema>;

/** GET /api/meetings/coverage: coverage of the study sessions of a subtree, by direct sub-unit. */
export const CoverageQuerySchema = z.strictObject({
  unit: IdSchema,
  /** Only sessions that fulfil this task (of a plan). */
  taskId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuerySchema>;

const RollupRowSchema = CoverageFiguresSchema.extend({
  unitId: z.string(),
  name: z.string(),
  /** Main study sessions held (make-up sessions apart). */
  sessions: z.number(),
  /**
   * Units that must hold a session and those that have held one: without a task, the units with
   * party members; with a task, the units given it (COVERAGE_EXPLANATION says which).
   */
  units: z.object({ addressed: z.number(), held: z.number() }),
});
export type RollupRow = z.infer<typeof RollupRowSchema>;

export const CoverageRollupSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  from: z.string(),
  to: z.string(),
  total: RollupRowSchema,
  /** The unit's own sessions (held by the unit itself), then each direct sub-unit with its subtree. */
  own: RollupRowSchema.nullable(),
  children: z.array(RollupRowSchema),
  explanation: z.array(z.string()),
});
export type CoverageRollup = z.infer<typeof CoverageRollupSchema>;

export const COVERAGE_EXPLANATION: readonly string[] = [
  'Số phải học tập: đảng viên chính thức và dự bị đang sinh hoạt tại đơn vị và các đơn vị cấp dưới vào ngày cuối của kỳ (hoặc hôm nay nếu kỳ chưa hết), mỗi người một lần; đảng viên của đơn vị chưa tổ chức học tập vẫn được tính là chưa học tập.',
  'Số đã học tập: những đảng viên đó đã có mặt, hoặc đã xác nhận tự học, tại một hội nghị học tập đã tổ chức trong kỳ hoặc tại buổi học bù của hội nghị đó; học nhiều buổi vẫn chỉ tính một lần.',
  'Đơn vị đã tổ chức: số đơn vị có đảng viên (chi bộ, hoặc đảng bộ, cấp ủy có đảng viên sinh hoạt trực tiếp) đã tổ chức ít nhất một hội nghị học tập trong kỳ, trên tổng số đơn vị có đảng viên.',
  'Số hội nghị: hội nghị học tập đã tổ chức trong kỳ, không kể buổi học bù. Chỉ liệt kê đơn vị trực thuộc có đảng viên hoặc có hội nghị; ban, đoàn thể không có đảng viên không được liệt kê.',
];

/** The explanation when the coverage is that of one task of a plan. */
export const COVERAGE_TASK_EXPLANATION: readonly string[] = [
  COVERAGE_EXPLANATION[0]!,
  'Số đã học tập: những đảng viên đó đã có mặt, hoặc đã xác nhận tự học, tại một hội nghị thực hiện nhiệm vụ này hoặc tại buổi học bù của hội nghị đó; học nhiều buổi vẫn chỉ tính một lần.',
  'Đơn vị đã tổ chức: số đơn vị được giao nhiệm vụ này đã tổ chức hội nghị thực hiện nhiệm vụ, trên tổng số đơn vị được giao.',
  'Số hội nghị: hội nghị thực hiện nhiệm vụ này đã tổ chức, không kể buổi học bù. Chỉ liệt kê đơn vị trực thuộc có đảng viên, có hội nghị hoặc được giao nhiệm vụ.',
];

/** GET /api/meetings/upcoming: planned sessions of a subtree. */
export const UpcomingMeetingsQuerySchema = z.strictObject({
  unit: IdSchema,
  days: z.coerce.number().int().min(1).max(366).default(60),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
});
export const UpcomingMeetingsSchema = z.object({
  asOf: z.string(),
  items: z.array(MeetingRowSchema.extend({ myRole: ObserverRoleSchema.nullable() })),
});
export type UpcomingMeetings = z.infer<typeof UpcomingMeetingsSchema>;

/** GET /api/meetings/quality: meeting quality of the cells of a subtree. */
export const QualityQuerySchema = z.strictObject({
  unit: IdSchema,
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type QualityQuery = z.infer<typeof QualityQuerySchema>;

const QualitySummarySchema = z.object({
  monthsExpected: z.number(),
  monthsHeld: z.number(),
  thematicExpected: z.number(),
  thematicOk: z.number(),
  meetingsAssessed: z.number(),
  meetingsOk: z.number(),
  ok: z.boolean(),
});

export const QualityReportSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  ruleSets: z.array(z.object({ id: z.string(), name: z.string(), source: z.string(), validFrom: z.string(), rules: z.array(z.string()) })),
  /** The unit's whole subtree, then each direct sub-unit with its subtree's cells. */
  total: z.object({ cells: z.number(), cellsOk: z.number() }).extend(QualitySummarySchema.omit({ ok: true }).shape),
  children: z.array(z.object({ unitId: z.string(), name: z.string(), cells: z.number(), cellsOk: z.number() }).extend(QualitySummarySchema.omit({ ok: true }).shape)),
  cells: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      parentName: Nullable,
      summary: QualitySummarySchema,
      months: z.array(z.object({ key: z.string(), label: z.string(), held: z.boolean() })),
      thematic: z.array(z.object({ key: z.string(), label: z.string(), required: z.number(), held: z.number(), ok: z.boolean() })),
      meetings: z.array(z.object({ id: z.string(), date: z.string(), kind: MeetingKindSchema, title: z.string(), ok: z.boolean(), ruleSetId: Nullable, checks: z.array(CheckSchema) })),
    }),
  ),
  /** Cells left out of `cells` beyond the limit (they are counted in the totals). */
  cellsOmitted: z.number(),
});
export type QualityReport = z.infer<typeof QualityReportSchema>;

/** The rules of a set, as stored (core/meetings/rules.ts MeetingRules). */
export const MeetingRulesSchema = z.strictObject({
  regularPerMonth: z.number().int().min(0).max(10),
  thematic: z.strictObject({ every: z.enum(THEMATIC_EVERY), atLeast: z.number().int().min(1).max(31) }).nullable(),
  minMinutes: z.number().int().min(1).max(1_440).nullable(),
  minMinutesCombined: z.number().int().min(1).max(1_440).nullable(),
  materialsDaysBefore: z.number().int().min(0).max(60).nullable(),
  minAttendanceShare: z.number().min(0).max(1).nullable(),
  maxUnexcusedAbsences: z.number().int().min(0).max(1_000).nullable(),
  maxConsecutiveAbsences: z.number().int().min(1).max(24).nullable(),
});

/**
 * POST /api/meeting-rules: a new dated rule set — national (no `unitId`, administrators only), or a
 * committee's own guidance for the units below it.
 */
export const RuleSetCreateSchema = z.strictObject({
  unitId: IdSchema.nullable().optional(),
  name: Line(LIMITS.name).min(1, 'Hãy nhập tên bộ tiêu chí'),
  source: Line(MEETING_LIMITS.text).min(1, 'Hãy ghi văn bản quy định (số, ngày, cơ quan ban hành)'),
  validFrom: IsoDateSchema,
  /**
   * Who issued a rule stored without a committee of the tree, as the document names it ("Ban Tổ
   * chức Thị ủy Kỳ Anh"); left out for the Party's central rules. Not used with `unitId`.
   */
  issuer: Line(LIMITS.name).nullable().optional(),
  rules: MeetingRulesSchema,
});
export type RuleSetCreate = z.infer<typeof RuleSetCreateSchema>;

export const RuleSetListQuerySchema = z.strictObject({ unit: IdSchema });

export const RuleSetViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  validFrom: z.string(),
  /** The day the next set of the same issuer takes over; null while none has. */
  validTo: Nullable,
  /** The committee whose guidance it is (for the units below it); null for a national rule. */
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Without a committee: the local body that issued it; null for a central (national) rule. */
  issuer: Nullable,
  /** True when it applies to the meetings of the unit asked about. */
  appliesHere: z.boolean(),
  rules: MeetingRulesSchema,
  description: z.array(z.string()),
  createdAt: z.string(),
});
export type RuleSetView = z.infer<typeof RuleSetViewSchema>;
export const RuleSetListSchema = z.object({ items: z.array(RuleSetViewSchema) });

/** POST /api/obligation-instances/:id/meeting-figures: the report's figures from the sessions held. */
export const PrefillResultSchema = z.object({
  submissionId: z.string(),
  version: z.number(),
  figures: z.record(z.string(), z.number()),
  /** Which count each prefilled figure comes from. */
  sources: z.record(z.string(), z.string()),
  sessions: z.array(z.object({ id: z.string(), unitName: z.string(), date: z.string(), title: z.string() })),
});
export type PrefillResult = z.infer<typeof PrefillResultSchema>;

// Campaigns ----------------------------------------------------------------------------------------

/** A document of a campaign month: a document record, or a citation that becomes one ("Nghị quyết số 03-NQ/TW ngày 26/6/1992"). */
export const CampaignDocumentSchema = z
  .strictObject({
    documentId: IdSchema.optional(),
    citation: z.strictObject({ kind: z.string().trim().min(1).max(10), number: Line(60).min(1), date: IsoDateSchema.nullable().optional() }).optional(),
    /** The title as the schedule writes it. */
    note: Line(MEETING_LIMITS.text).nullable().optional(),
  })
  .refine((d) => (d.documentId ? 1 : 0) + (d.citation ? 1 : 0) === 1, { message: 'Mỗi văn bản là một văn bản đã có (documentId) hoặc một trích dẫn (citation)' });
export type CampaignDocumentInput = z.infer<typeof CampaignDocumentSchema>;

export const CampaignMonthSchema = z.strictObject({
  month: MonthSchema,
  topics: z.array(Line(MEETING_LIMITS.text).min(1)).max(MEETING_LIMITS.topics).default([]),
  documents: z.array(CampaignDocumentSchema).max(MEETING_LIMITS.monthDocuments).default([]),
});

const CampaignFields = {
  title: Line(MEETING_LIMITS.title).min(1, 'Hãy nhập tên đợt sinh hoạt chính trị'),
  /** The plan the campaign belongs to (seed 004: 60-KH/ĐUK); its audience are the units addressed. */
  planId: IdSchema.nullable(),
  /** The task of that plan the monthly meetings fulfil. */
  taskId: IdSchema.nullable(),
  months: z
    .array(CampaignMonthSchema)
    .min(1, 'Hãy nhập ít nhất một tháng')
    .max(MEETING_LIMITS.months)
    .refine((ms) => new Set(ms.map((m) => m.month)).size === ms.length, { message: 'Một tháng chỉ nhập một lần' }),
};

/** POST /api/campaigns: a committee defines a campaign (months, their documents and topics). */
export const CampaignCreateSchema = z.strictObject({
  unitId: IdSchema,
  title: CampaignFields.title,
  planId: CampaignFields.planId.optional(),
  taskId: CampaignFields.taskId.optional(),
  months: CampaignFields.months,
});
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;
/** What a client sends (dates as plain strings, defaults not yet applied). */
export type CampaignCreateInput = z.input<typeof CampaignCreateSchema>;

/** PUT /api/campaigns/:id: the campaign as a whole (months kept by their month, others removed when no meeting uses them). */
export const CampaignUpdateSchema = z.strictObject({
  title: CampaignFields.title,
  planId: CampaignFields.planId.optional(),
  taskId: CampaignFields.taskId.optional(),
  months: CampaignFields.months,
});
export type CampaignUpdate = z.infer<typeof CampaignUpdateSchema>;

export const CampaignListQuerySchema = z.strictObject({ unit: IdSchema });

export const CampaignSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  firstMonth: z.string(),
  lastMonth: z.string(),
  months: z.number(),
});
export const CampaignListSchema = z.object({ items: z.array(CampaignSummarySchema) });

export const CampaignViewSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  plan: z.object({ id: z.string(), number: Nullable, title: z.string() }).nullable(),
  task: z.object({ id: z.string(), text: z.string() }).nullable(),
  months: z.array(
    z.object({
      id: z.string(),
      month: z.string(),
      label: z.string(),
      topics: z.array(z.string()),
      documents: z.array(z.object({ id: z.string(), kind: z.string(), number: Nullable, title: Nullable, issuedOn: Nullable, note: Nullable })),
    }),
  ),
  permissions: z.object({ edit: z.boolean() }),
});
export type CampaignView = z.infer<typeof CampaignViewSchema>;

export const CampaignCoverageQuerySchema = z.strictObject({ unit: IdSchema.optional() });
export const CampaignCoverageSchema = z.object({
  campaign: z.object({ id: z.string(), title: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  months: z.array(z.object({ id: z.string(), month: z.string(), label: z.string(), covered: z.number() })),
  cells: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      parentName: Nullable,
      months: z.array(z.object({ monthId: z.string(), meetingId: Nullable, date: Nullable, content: Nullable })),
      covered: z.number(),
    }),
  ),
  total: z.number(),
});
export type CampaignCoverage = z.infer<typeof CampaignCoverageSchema>;
export const CampaignIdParamsSchema = z.strictObject({ id: IdSchema });
