import type { CriteriaFrame } from './rule-sets.ts';

/**
 * The points a review gives on a frame of a scored rule set (366: general criteria 30, task results
 * 70, total 100), keyed by criterion key (unique within a frame). A criterion left out or null is
 * not yet scored.
 */
export type Points = Readonly<Record<string, number | null | undefined>>;

/** A problem of the points, with where it is: "general.politics", "tasks", "total". */
export interface PointsIssue {
  field: string;
  message: string;
}

/**
 * Points go by halves: forms in use give 0.5 for a criterion partly met, finer steps claim a precision
 * no committee judges with, and halves add up exactly in binary (no 89.99999 against a bar of 90).
 */
export const POINTS_STEP = 0.5;

/** "8,5" — points as Vietnamese write them. */
export function pointsText(p: number): string {
  return String(p).replace('.', ',');
}

const isStep = (p: number) => Number.isInteger(p / POINTS_STEP);

/**
 * Every problem of `points` on `frame`, in Vietnamese: a criterion the frame does not have, a
 * criterion not scored, a negative figure, one not a multiple of 0.5, one above the criterion's most,
 * a group above its most (30, 70), the total above 100. An empty list means the points may be
 * submitted; a draft may hold problems. A frame without points (124) refuses any figure.
 */
export function checkPoints(frame: CriteriaFrame, points: Points, maxTotal: number | null = 100): PointsIssue[] {
  const issues: PointsIssue[] = [];
  const where = new Map<string, string>();
  for (const g of frame.groups) for (const c of g.criteria) where.set(c.key, g.key);
  for (const key of Object.keys(points)) {
    if (!where.has(key) && points[key] !== null && points[key] !== undefined) issues.push({ field: key, message: `Khung tiêu chí không có tiêu chí "${key}"` });
  }
  let total = 0;
  for (const g of frame.groups) {
    let sum = 0;
    for (const c of g.criteria) {
      const field = `${g.key}.${c.key}`;
      const p = points[c.key];
      if (c.max === null) {
        if (p !== null && p !== undefined) issues.push({ field, message: `Tiêu chí "${c.label}" đánh giá bằng nhận xét, không chấm điểm` });
        continue;
      }
      if (p === null || p === undefined) {
        issues.push({ field, message: `Tiêu chí "${c.label}" chưa chấm điểm` });
        continue;
      }
      if (!Number.isFinite(p) || p < 0) {
        issues.push({ field, message: `Điểm của tiêu chí "${c.label}" phải là số không âm` });
        continue;
      }
      if (!isStep(p)) issues.push({ field, message: `Điểm của tiêu chí "${c.label}" chấm theo bước 0,5 điểm (nhận ${pointsText(p)})` });
      if (p > c.max) issues.push({ field, message: `Tiêu chí "${c.label}" tối đa ${pointsText(c.max)} điểm (nhận ${pointsText(p)})` });
      sum += p;
    }
    if (g.max !== null && sum > g.max) issues.push({ field: g.key, message: `${g.label} tối đa ${pointsText(g.max)} điểm (tổng ${pointsText(sum)})` });
    total += sum;
  }
  if (maxTotal !== null && total > maxTotal) issues.push({ field: 'total', message: `Tổng điểm tối đa ${pointsText(maxTotal)} (tổng ${pointsText(total)})` });
  return issues;
}

/** The total of the scored criteria of `frame` (criteria not scored count 0). */
export function totalPoints(frame: CriteriaFrame, points: Points): number {
  let total = 0;
  for (const g of frame.groups) for (const c of g.criteria) if (c.max !== null) total += points[c.key] ?? 0;
  return total;
}

/** The total of each group of `frame`, for the form's subtotals. */
export function groupTotals(frame: CriteriaFrame, points: Points): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of frame.groups) out[g.key] = g.criteria.reduce((s, c) => s + (c.max !== null ? (points[c.key] ?? 0) : 0), 0);
  return out;
}
