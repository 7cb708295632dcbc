import { pointsText } from './points.ts';
import type { Grade, GradeCondition, ReviewRuleSet } from './rule-sets.ts';
import { GRADE_LABELS, GRADES } from './rule-sets.ts';
import type { TaskResults } from './task-results.ts';
import { shareText } from './task-results.ts';

/**
 * The grade the figures allow, proposed beside a review: the people decide, and the proposal with
 * its reasons is kept as evidence of what the figures said. The conditions are the rule set's data
 * (rule-sets.ts): a grade is allowed when every condition of it holds; KHTNV, "the remaining cases",
 * always is. A set without conditions (124) allows every grade and proposes none.
 */

export interface GradeInput {
  /** The total points of the review; null when not yet scored. */
  points: number | null;
  /** The task-results figures of the period (task-results.ts), as computed or as confirmed by the people. */
  tasks: Pick<TaskResults, 'counted' | 'onTime' | 'late' | 'notDone' | 'exceeding'>;
  /** For a collective: its subordinate organisations and members disciplined in the period. Null or absent for a person. */
  disciplined?: number | null;
}

export interface RefusedGrade {
  grade: Grade;
  reasons: string[];
}

export interface GradeProposal {
  ruleSetId: string;
  /** The highest grade allowed; null when the set sets no condition and the people choose among every grade. */
  grade: Grade | null;
  /** Every grade the conditions allow, highest first. */
  allowed: Grade[];
  /** Each grade above the proposed one, with why it is refused. */
  refused: RefusedGrade[];
  note: string | null;
}

/** Why `input` fails `c`, in Vietnamese; empty when every condition holds. */
export function conditionFailures(c: GradeCondition, input: GradeInput): string[] {
  const out: string[] = [];
  const t = input.tasks;
  if (input.points === null) out.push('Chưa chấm điểm');
  else if (input.points < c.minPoints) out.push(`Đạt ${pointsText(input.points)} điểm (cần từ ${pointsText(c.minPoints)} điểm)`);
  if (c.allOnTime && t.late > 0) out.push(`Còn ${t.late} nhiệm vụ hoàn thành chậm`);
  if ((c.allOnTime || c.allDone) && t.notDone > 0) out.push(`Còn ${t.notDone} nhiệm vụ chưa hoàn thành`);
  if (c.maxLatePercent !== null && t.late * 100 > c.maxLatePercent * t.counted) {
    out.push(`Tỷ lệ nhiệm vụ hoàn thành chậm ${shareText(t.late, t.counted)} (cần ≤ ${c.maxLatePercent}%)`);
  }
  if (c.minExceedingPercent !== null) {
    if (t.counted === 0) out.push('Không có nhiệm vụ nào được tính trong kỳ để xét tỷ lệ vượt mức');
    else if (t.exceeding * 100 < c.minExceedingPercent * t.counted) {
      out.push(`Tỷ lệ nhiệm vụ vượt mức ${shareText(t.exceeding, t.counted)} (cần ≥ ${c.minExceedingPercent}%)`);
    }
  }
  if (c.collectiveNoDiscipline && (input.disciplined ?? 0) > 0) {
    out.push(`Có ${input.disciplined} tổ chức đảng trực thuộc hoặc đảng viên bị kỷ luật trong kỳ`);
  }
  return out;
}

/**
 * The grade `input` allows under `set`: the highest grade whose conditions all hold, every grade
 * allowed, and for each higher grade the reasons it is refused ("Còn 1 nhiệm vụ hoàn thành chậm",
 * "Tỷ lệ nhiệm vụ vượt mức 25% (cần ≥ 30%)"). Under a set without conditions (124: no points), every
 * grade is allowed, none proposed, and the note says the people decide.
 */
export function proposeGrade(set: ReviewRuleSet, input: GradeInput): GradeProposal {
  if (set.conditions === null) {
    return {
      ruleSetId: set.id,
      grade: null,
      allowed: [...GRADES],
      refused: [],
      note: `${set.label} không chấm điểm và không đặt điều kiện số liệu cho từng mức: tập thể, cá nhân tự xếp loại, cấp có thẩm quyền xem xét, quyết định.`,
    };
  }
  const allowed: Grade[] = [];
  const refused: RefusedGrade[] = [];
  for (const grade of GRADES) {
    const c = set.conditions.find((x) => x.grade === grade);
    const reasons = c ? conditionFailures(c, input) : [];
    if (reasons.length === 0) allowed.push(grade);
    else if (allowed.length === 0) refused.push({ grade, reasons });
  }
  // KHTNV has no condition in any set, so something is always allowed; the fallback keeps the type honest.
  const grade = allowed[0] ?? 'khtnv';
  return { ruleSetId: set.id, grade, allowed, refused, note: null };
}

/** "Không đủ điều kiện Hoàn thành tốt nhiệm vụ (HTTNV): Còn 1 nhiệm vụ hoàn thành chậm." — one line per refused grade. */
export function refusalLines(p: GradeProposal): string[] {
  return p.refused.map((r) => `Không đủ điều kiện ${GRADE_LABELS[r.grade].vi} (${GRADE_LABELS[r.grade].abbr}): ${r.reasons.join('; ')}.`);
}
