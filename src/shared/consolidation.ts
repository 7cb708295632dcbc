import { z, IdSchema, LIMITS } from './common.ts';
import { UNIT_REPORT_STATES } from '#core/consolidation/consolidate.ts';
import type { UnitReportState } from '#core/consolidation/consolidate.ts';

/**
 * The consolidated report (báo cáo tổng hợp) of a report obligation, for one period and one unit's
 * subtree: the figures summed from the accepted reports of the units below (each with its source),
 * the units' passages under each section, who reported late or not at all, and the draft the office
 * edits before exporting it as a Word file or sending it upward as the unit's own report.
 */
export const CONSOLIDATION_LIMITS = {
  title: 1_000,
  text: 50_000,
  line: 5_000,
  note: 1_000,
  recipients: 30,
  sections: 50,
  overrides: 200,
  signer: 200,
  figureMax: 1_000_000_000,
} as const;

export const UNIT_REPORT_STATE_LABELS: Record<UnitReportState, { vi: string; en: string }> = {
  accepted: { vi: 'Đã tiếp nhận, đã tổng hợp', en: 'Accepted, counted' },
  awaiting_review: { vi: 'Đã gửi, chờ tiếp nhận (chưa tổng hợp)', en: 'Submitted, awaiting review (not counted)' },
  returned: { vi: 'Bị trả lại, chưa gửi lại', en: 'Returned, not sent again' },
  missing: { vi: 'Quá hạn, chưa báo cáo', en: 'Missing, overdue' },
  not_due: { vi: 'Chưa đến hạn, chưa báo cáo', en: 'Not yet due' },
};

/** `?unit=&period=`: the subtree (default: the plan's unit) and the period (default: the latest one due by today, else the first). */
export const ConsolidationQuerySchema = z.strictObject({
  unit: IdSchema.optional(),
  period: z.string().trim().min(1).max(40).optional(),
});
export type ConsolidationQuery = z.infer<typeof ConsolidationQuerySchema>;

const Line = (max: number) => z.string().trim().max(max, `Dài tối đa ${max.toLocaleString('vi-VN')} ký tự`);
const Key = z.string().trim().min(1).max(60);

export const ConsolidationDraftSchema = z.strictObject({
  title: Line(CONSOLIDATION_LIMITS.title).min(1, 'Hãy nhập trích yếu của báo cáo'),
  opening: Line(CONSOLIDATION_LIMITS.line),
  sections: z
    .array(z.strictObject({ key: Key, title: Line(LIMITS.name).min(1), text: z.string().max(CONSOLIDATION_LIMITS.text, 'Nội dung mục quá dài') }))
    .max(CONSOLIDATION_LIMITS.sections),
  overrides: z
    .array(
      z.strictObject({
        key: Key,
        value: z.number({ message: 'Số liệu phải là một số' }).int('Số liệu phải là số nguyên').min(0, 'Số liệu không được âm').max(CONSOLIDATION_LIMITS.figureMax, 'Số liệu quá lớn'),
        note: Line(CONSOLIDATION_LIMITS.note).min(1, 'Hãy ghi lý do điều chỉnh số liệu'),
      }),
    )
    .max(CONSOLIDATION_LIMITS.overrides)
    .refine((o) => new Set(o.map((x) => x.key)).size === o.length, 'Mỗi chỉ tiêu chỉ điều chỉnh một lần'),
  closing: Line(CONSOLIDATION_LIMITS.line),
  recipients: z.array(Line(LIMITS.name).min(1)).max(CONSOLIDATION_LIMITS.recipients),
  signer: z.strictObject({
    capacity: Line(CONSOLIDATION_LIMITS.signer),
    title: Line(CONSOLIDATION_LIMITS.signer),
    name: Line(CONSOLIDATION_LIMITS.signer),
  }),
});
export type ConsolidationDraftInput = z.infer<typeof ConsolidationDraftSchema>;

/**
 * PUT /api/obligations/:id/consolidation: saves the edited draft as the next version. `baseVersion`
 * is the version the editor started from: when someone saved a newer one since, the save is refused
 * (409 CONFLICT) instead of overwriting their work.
 */
export const ConsolidationSaveSchema = z.strictObject({
  draft: ConsolidationDraftSchema,
  baseVersion: z.number().int().min(0).optional(),
});
export type ConsolidationSave = z.infer<typeof ConsolidationSaveSchema>;
export const ConsolidationSavedSchema = z.object({ version: z.number() });

/**
 * POST /api/obligations/:id/consolidation/submit: the consolidated figures and sections become this
 * unit's report to its superior — its own instance of the same obligation, or its instance in the
 * superior's plan this plan carries out. `targetInstanceId` picks one when there are several;
 * `asDraft` saves it as a draft there instead of submitting it.
 */
export const ConsolidationSubmitSchema = z.strictObject({
  targetInstanceId: IdSchema.optional(),
  asDraft: z.boolean().default(false),
});
export type ConsolidationSubmit = z.infer<typeof ConsolidationSubmitSchema>;
export const ConsolidationSubmittedSchema = z.object({
  instanceId: z.string(),
  submissionId: z.string(),
  /** The version of the submission at the superior's obligation. */
  version: z.number(),
  status: z.enum(['draft', 'submitted']),
  /** The version of the consolidation that records what was sent. */
  consolidationVersion: z.number(),
});
export type ConsolidationSubmitted = z.infer<typeof ConsolidationSubmittedSchema>;

const SourceSchema = z.object({ unitId: z.string(), unitName: z.string(), submissionId: z.string(), version: z.number() });
const UserRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const ConsolidationViewSchema = z.object({
  obligation: z.object({
    id: z.string(),
    title: z.string(),
    planId: z.string(),
    planNumber: z.string().nullable(),
    planTitle: z.string(),
    planUnitName: z.string(),
  }),
  unit: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ key: z.string(), label: z.string(), dueDate: z.string().nullable() }),
  periods: z.array(z.object({ key: z.string(), label: z.string(), dueDate: z.string().nullable() })),
  reports: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      /** The unit the reporting unit belongs to, within the subtree (null for the unit itself). */
      parentName: z.string().nullable(),
      childId: z.string(),
      instanceId: z.string(),
      dueDate: z.string().nullable(),
      state: z.enum(UNIT_REPORT_STATES),
      counted: z.boolean(),
      late: z.boolean(),
      daysLate: z.number().nullable(),
      submittedOn: z.string().nullable(),
      source: SourceSchema.nullable(),
    }),
  ),
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      of: z.string().nullable(),
      /** The sum of the accepted reports; null when none gave it. */
      total: z.number().nullable(),
      /** What the report prints: the sum, or the override of the draft. */
      value: z.number().nullable(),
      overridden: z.boolean(),
      note: z.string().nullable(),
      sources: z.array(SourceSchema.extend({ value: z.number() })),
      gaps: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
    }),
  ),
  children: z.array(
    z.object({ unitId: z.string(), name: z.string(), expected: z.number(), counted: z.number(), figures: z.record(z.string(), z.number().nullable()) }),
  ),
  sections: z.array(z.object({ key: z.string(), title: z.string(), parts: z.array(SourceSchema.extend({ text: z.string() })) })),
  summary: z.object({
    expected: z.number(),
    counted: z.number(),
    awaitingReview: z.number(),
    returned: z.number(),
    missing: z.number(),
    notDue: z.number(),
    late: z.number(),
  }),
  /** The draft to edit: the latest saved version's, fitted to today's form, else the one trienkhai proposes. */
  draft: ConsolidationDraftSchema,
  /** The latest version; `current` is false when the accepted reports changed since it was made. */
  latest: z.object({ version: z.number(), kind: z.enum(['draft', 'export', 'submit']), createdAt: z.string(), createdBy: UserRef, current: z.boolean() }).nullable(),
  versions: z.array(
    z.object({
      version: z.number(),
      kind: z.enum(['draft', 'export', 'submit']),
      createdAt: z.string(),
      createdBy: UserRef,
      number: z.string().nullable(),
      submissionId: z.string().nullable(),
    }),
  ),
  /** The number the Word file will carry: the one already given to this report, else the next one proposed. */
  number: z.object({ symbol: z.string(), seq: z.number().nullable(), note: z.string().nullable() }),
  /** Where "submit upward" sends the report, or why it cannot. */
  target: z
    .object({ instanceId: z.string(), obligationTitle: z.string(), planNumber: z.string().nullable(), periodLabel: z.string(), status: z.string(), toText: z.string().nullable() })
    .nullable(),
  targetProblem: z.string().nullable(),
  permissions: z.object({ edit: z.boolean(), submit: z.boolean() }),
});
export type ConsolidationView = z.infer<typeof ConsolidationViewSchema>;
