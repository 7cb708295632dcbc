import { z, IsoDateSchema } from './common.ts';
import { GRADES, REVIEW_KINDS } from '#core/reviews/rule-sets.ts';
import { POINTS_STEP, pointsText } from '#core/reviews/points.ts';

/**
 * Reviews and grading (docs/decisions/022-reviews-and-grading.md): what the API says of them.
 * For now, the task-results figures of a unit over a period, from its own task instances, and the
 * grade they allow under the rule set in force on the period's end date.
 */

/** The most points a review may total under any rule set we hold (366: 100). */
const MAX_POINTS = 100;

/**
 * GET /api/units/:id/task-results?from=…&to=…: the period [from, to], the kind of review it is
 * (default yearly: the rule set in force on `to` must know it), and optionally the review's total
 * points, without which the proposal says "Chưa chấm điểm".
 */
export const TaskResultsQuerySchema = z
  .strictObject({
    from: IsoDateSchema,
    to: IsoDateSchema,
    kind: z.enum(REVIEW_KINDS).default('year'),
    points: z.coerce
      .number()
      .min(0, 'Số điểm không được âm')
      .max(MAX_POINTS, `Số điểm tối đa là ${MAX_POINTS}`)
      .refine((p) => Number.isInteger(p / POINTS_STEP), { message: `Điểm chấm theo bước ${pointsText(POINTS_STEP)} điểm` })
      .optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"Đến ngày" phải từ "Từ ngày" trở về sau', path: ['to'] });
export type TaskResultsQuery = z.infer<typeof TaskResultsQuerySchema>;

const Count = z.number().int().min(0);

/** The figures of `taskResults` (core/reviews/task-results.ts), with the period and the day they were taken on. */
export const TaskResultsFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The day the figures are taken on: today in Vietnam; what falls due after it and is still open is pending. */
  on: z.string(),
  counted: Count,
  onTime: Count,
  late: Count,
  notDone: Count,
  /** Done (on time or late) beyond requirements ("vượt mức"). */
  exceeding: Count,
  /** Due within the period after `on` and not yet done: not counted. */
  pending: Count,
  /** Shares of the counted tasks, from 0 to 1; null when nothing counted. */
  shares: z.object({ onTime: z.number(), late: z.number(), notDone: z.number(), exceeding: z.number() }).nullable(),
});
export type TaskResultsFigures = z.infer<typeof TaskResultsFiguresSchema>;

const GradeSchema = z.enum(GRADES);

/** The grade the figures allow (`proposeGrade`), with the rule set's name and one line per grade refused. */
export const GradeProposalSchema = z.object({
  ruleSetId: z.string(),
  ruleSetLabel: z.string(),
  grade: GradeSchema.nullable(),
  allowed: z.array(GradeSchema),
  refused: z.array(z.object({ grade: GradeSchema, reasons: z.array(z.string()) })),
  note: z.string().nullable(),
  /** "Không đủ điều kiện Hoàn thành tốt nhiệm vụ (HTTNV): Còn 1 nhiệm vụ hoàn thành chậm." */
  lines: z.array(z.string()),
});
export type GradeProposalView = z.infer<typeof GradeProposalSchema>;

export const TaskResultsSchema = z.object({
  unitId: z.string(),
  kind: z.enum(REVIEW_KINDS),
  points: z.number().nullable(),
  figures: TaskResultsFiguresSchema,
  /** Null when no rule set applies to the period (none in force on its end date, or none that knows its kind). */
  proposal: GradeProposalSchema.nullable(),
  /** Why there is no proposal, in Vietnamese; null when there is one. */
  noProposal: z.string().nullable(),
});
export type TaskResultsView = z.infer<typeof TaskResultsSchema>;
