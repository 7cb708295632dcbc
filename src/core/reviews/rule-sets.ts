import { DomainError } from '../errors.ts';
import type { IsoDate } from '../ids.ts';
import { formatViDate } from '../text/dates.ts';

/**
 * The rules of reviewing and grading ("kiểm điểm, đánh giá, xếp loại chất lượng") change by
 * regulation and date — 124-QĐ/TW (2023) until 29/8/2025, 366-QĐ/TW from 30/8/2025, and the next one
 * after it — so they are dated data: each rule set holds its kinds of review, grades, criteria frames,
 * grade conditions, quota and order, and the logic (points.ts, grade-proposal.ts, quota.ts) reads
 * them from the set it is given, never from a constant. A review period freezes a copy of the set in
 * force when it opens (docs/decisions/022-reviews-and-grading.md), so a later change of these data
 * never regrades a closed period.
 */

export const REVIEW_KINDS = ['term', 'year', 'quarter', 'ad_hoc'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewKind, { vi: string; en: string }> = {
  term: { vi: 'Nhiệm kỳ', en: 'Term' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  ad_hoc: { vi: 'Khi cần thiết', en: 'When needed' },
};

/** The four grades, highest first; their names did not change between the regulations. */
export const GRADES = ['htxsnv', 'httnv', 'htnv', 'khtnv'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, { vi: string; abbr: string; en: string }> = {
  htxsnv: { vi: 'Hoàn thành xuất sắc nhiệm vụ', abbr: 'HTXSNV', en: 'Excellent' },
  httnv: { vi: 'Hoàn thành tốt nhiệm vụ', abbr: 'HTTNV', en: 'Good' },
  htnv: { vi: 'Hoàn thành nhiệm vụ', abbr: 'HTNV', en: 'Satisfactory' },
  khtnv: { vi: 'Không hoàn thành nhiệm vụ', abbr: 'KHTNV', en: 'Unsatisfactory' },
};

/** True when grade `a` is higher than grade `b`. */
export function isHigherGrade(a: Grade, b: Grade): boolean {
  return GRADES.indexOf(a) < GRADES.indexOf(b);
}

/**
 * Who is reviewed on a frame. 366 has five appendices: (1) collectives; (2) leaders managed by the
 * Centre; (3) leaders and managers at other levels; (4) cadres, civil servants and employees without a
 * post; (5) party members not working in the political system. 124 has no points and distinguishes
 * collectives, leaders and members only.
 */
export const FRAME_KINDS = ['collective', 'central_leader', 'leader', 'individual', 'member_outside'] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

/** One criterion of a frame; `max` null: assessed in words, not points. */
export interface Criterion {
  key: string;
  label: string;
  max: number | null;
}

export const CRITERIA_GROUPS = ['general', 'tasks'] as const;
export type CriteriaGroupKey = (typeof CRITERIA_GROUPS)[number];

/** A group of criteria: 366's general criteria (30 points) and task results (70 points). */
export interface CriteriaGroup {
  key: CriteriaGroupKey;
  label: string;
  /** The most points of the group; null when the set gives no points. */
  max: number | null;
  criteria: readonly Criterion[];
}

export interface CriteriaFrame {
  kind: FrameKind;
  label: string;
  /** Where the frame is written: "Phụ lục 4", "Điều 4". */
  appendix: string;
  groups: readonly CriteriaGroup[];
}

/**
 * What a grade needs beyond its points, as data. Shares are whole percentages compared in integer
 * arithmetic (exceeding × 100 ≥ 30 × counted), so no rounding decides a grade.
 */
export interface GradeCondition {
  grade: Grade;
  /** The least total points (inclusive). */
  minPoints: number;
  /**
   * The band the regulation prints ("từ 70 đến dưới 90"), for display only. The upper bound does
   * not refuse a grade: a member at 95 points who misses a condition of HTXSNV but meets every
   * condition of HTTNV is proposed HTTNV — reading the bands as a ceiling would send them to KHTNV.
   */
  band: { from: number; below: number | null };
  /** Every counted task done, and on time. */
  allOnTime: boolean;
  /** Every counted task done (some may be late). */
  allDone: boolean;
  /** At least this share of counted tasks done beyond requirements ("vượt mức"), in percent. */
  minExceedingPercent: number | null;
  /** At most this share of counted tasks done late, in percent. */
  maxLatePercent: number | null;
  /** For a collective: no subordinate organisation or member disciplined in the period. */
  collectiveNoDiscipline: boolean;
}

/**
 * The cap on the excellent grade within each grassroots organisation (Hướng dẫn 21-HD/BTCTW, 2019:
 * "số đảng viên được xếp loại HTXSNV không vượt quá 20% số đảng viên được xếp loại HTTNV").
 */
export interface GradeQuota {
  /** The excellent ones at most this percentage of the base. */
  maxPercent: number;
  /**
   * Which members the percentage is of. 'good_and_excellent': those graded HTTNV or better — the
   * excellent are chosen among the members who completed their tasks well, so they stay in the
   * number they are chosen from (a cell with 12 members at HTTNV or better may have 2 HTXSNV).
   * 'good_only': those graded exactly HTTNV, as some committees read the guideline.
   */
  base: 'good_and_excellent' | 'good_only';
  /**
   * Floor, always: "không vượt quá 20%" is a ceiling, and only the floor keeps the limit at or below
   * 20% (20% of 13 is 2.6: floor allows 2, 15.4%; half up would allow 3, 23.1% — over the cap).
   * A field, so a set whose guidance says otherwise can say so.
   */
  rounding: 'floor' | 'half_up';
  /**
   * 'block': a decision over the cap is refused. 'override_with_reason': it goes through only with a
   * reason, recorded beside the decision, and the roll-up shows it.
   */
  enforcement: 'block' | 'override_with_reason';
  /** Where the cap comes from. */
  source: string;
}

/** The order in which a unit's reviews are held: the collective first, then the head, then deputies, then the others. */
export const REVIEW_ORDER_STEPS = ['collective', 'head', 'deputies', 'members'] as const;
export type ReviewOrderStep = (typeof REVIEW_ORDER_STEPS)[number];

export interface ReviewRuleSet {
  id: string;
  label: string;
  /** The document the rules come from, as a reader cites it. */
  source: string;
  validFrom: IsoDate;
  /** Inclusive; null: in force until a later set is added. */
  validTo: IsoDate | null;
  kinds: readonly ReviewKind[];
  /** True when the set grades on points (366); false when the grade is a judgement in words (124). */
  scored: boolean;
  /** The most points a review may total; null without points. */
  maxPoints: number | null;
  frames: readonly CriteriaFrame[];
  /** Highest grade first; null when no condition is set and the people choose among every grade. */
  conditions: readonly GradeCondition[] | null;
  quota: GradeQuota | null;
  order: readonly ReviewOrderStep[];
  /** Why the data are what they are, where the sources we hold do not give them. */
  notes: readonly string[];
}

const ORDER: readonly ReviewOrderStep[] = REVIEW_ORDER_STEPS;

const QUOTA_21_HD = 'Hướng dẫn 21-HD/BTCTW (2019)';

// ---- 366-QĐ/TW: five frames of 30 + 70 points ---------------------------------------------------

/** Criteria written [key, label, most points]. */
type CriterionRow = readonly [string, string, number];

/** A group of 366 from its rows; the rows' maxima add up to the group's. */
function pointsGroup(key: CriteriaGroupKey, max: number, rows: readonly CriterionRow[]): CriteriaGroup {
  const label = key === 'general' ? 'Tiêu chí chung' : 'Kết quả thực hiện nhiệm vụ';
  return { key, label, max, criteria: rows.map(([k, l, m]) => ({ key: k, label: l, max: m })) };
}

/** A frame of 366: general criteria (30 points) and task results (70 points). */
function pointsFrame(kind: FrameKind, label: string, appendix: string, general: readonly CriterionRow[], tasks: readonly CriterionRow[]): CriteriaFrame {
  return { kind, label, appendix, groups: [pointsGroup('general', 30, general), pointsGroup('tasks', 70, tasks)] };
}

/** The general criteria of a person: the same four headings in appendices 2 to 5. */
const PERSON_GENERAL: readonly CriterionRow[] = [
  ['politics', 'Về chính trị, tư tưởng', 8],
  ['ethics', 'Về đạo đức, lối sống', 8],
  ['discipline', 'Về ý thức tổ chức kỷ luật', 7],
  ['manner', 'Về tác phong, lề lối làm việc; tinh thần đổi mới, sáng tạo', 7],
];

const LEADER_TASKS: readonly CriterionRow[] = [
  ['unit_results', 'Kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ của địa phương, cơ quan, đơn vị được giao phụ trách', 30],
  ['own_tasks', 'Kết quả thực hiện nhiệm vụ cá nhân được giao', 20],
  ['leadership', 'Năng lực lãnh đạo, quản lý; xây dựng đoàn kết nội bộ', 10],
  ['collective_grade', 'Kết quả xếp loại của tập thể do mình phụ trách', 10],
];

const COMMITMENTS: CriterionRow = ['commitments', 'Thực hiện cam kết, kế hoạch tu dưỡng, rèn luyện, phấn đấu', 10];

/**
 * The five frames of 366. The group totals (30, 70) are the regulation's; the maxima of each
 * criterion are plausible defaults (see the set's notes) until a committee loads its own frame.
 */
const FRAMES_366: readonly CriteriaFrame[] = [
  pointsFrame('collective', 'Tập thể (cấp ủy, tổ chức đảng, tập thể lãnh đạo, cơ quan, đơn vị)', 'Phụ lục 1', [
    ['party_building', 'Xây dựng Đảng về chính trị, tư tưởng, đạo đức', 10],
    ['organisation', 'Xây dựng tổ chức, cán bộ; đoàn kết nội bộ', 10],
    ['inspection', 'Kiểm tra, giám sát, kỷ luật đảng; phòng, chống tham nhũng, lãng phí, tiêu cực', 10],
  ], [
    ['targets', 'Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong kỳ', 50],
    ['remedies', 'Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra', 10],
    ['breakthrough', 'Nhiệm vụ đột phá, nhiệm vụ đột xuất được giao', 10],
  ]),
  pointsFrame('central_leader', 'Cán bộ lãnh đạo, quản lý thuộc diện Trung ương quản lý', 'Phụ lục 2', PERSON_GENERAL, LEADER_TASKS),
  pointsFrame('leader', 'Cán bộ lãnh đạo, quản lý các cấp', 'Phụ lục 3', PERSON_GENERAL, LEADER_TASKS),
  pointsFrame('individual', 'Cán bộ, công chức, viên chức, người lao động không giữ chức vụ lãnh đạo, quản lý', 'Phụ lục 4', PERSON_GENERAL, [
    ['duties', 'Kết quả thực hiện chức trách, nhiệm vụ được giao', 50],
    ['extra_tasks', 'Kết quả thực hiện nhiệm vụ được giao thêm, đột xuất', 10],
    COMMITMENTS,
  ]),
  pointsFrame('member_outside', 'Đảng viên không làm việc trong hệ thống chính trị', 'Phụ lục 5', PERSON_GENERAL, [
    ['member_duties', 'Thực hiện nhiệm vụ đảng viên, nhiệm vụ được chi bộ phân công', 40],
    ['citizen_duties', 'Gương mẫu thực hiện nghĩa vụ công dân, quy định nơi cư trú', 20],
    COMMITMENTS,
  ]),
];

const CONDITIONS_366: readonly GradeCondition[] = [
  { grade: 'htxsnv', minPoints: 90, band: { from: 90, below: null }, allOnTime: true, allDone: true, minExceedingPercent: 30, maxLatePercent: null, collectiveNoDiscipline: true },
  { grade: 'httnv', minPoints: 70, band: { from: 70, below: 90 }, allOnTime: true, allDone: true, minExceedingPercent: null, maxLatePercent: null, collectiveNoDiscipline: false },
  { grade: 'htnv', minPoints: 50, band: { from: 50, below: 70 }, allOnTime: false, allDone: true, minExceedingPercent: null, maxLatePercent: 20, collectiveNoDiscipline: false },
];

// ---- 124-QĐ/TW: qualitative criteria, no points --------------------------------------------------

/** A frame of 124: one group of criteria assessed in words. */
function wordsFrame(kind: FrameKind, label: string, appendix: string, criteria: readonly [string, string][]): CriteriaFrame {
  return { kind, label, appendix, groups: [{ key: 'general', label: 'Nội dung kiểm điểm, đánh giá', max: null, criteria: criteria.map(([key, l]) => ({ key, label: l, max: null })) }] };
}

const POLITICS_ETHICS_124: [string, string] = ['politics_ethics', 'Về tư tưởng chính trị, phẩm chất đạo đức, lối sống, ý thức tổ chức kỷ luật, tác phong, lề lối làm việc'];
const DUTIES_124: [string, string] = ['duties', 'Kết quả thực hiện chức trách, nhiệm vụ được giao'];
const REMEDIES_124: [string, string] = ['remedies', 'Khắc phục hạn chế, khuyết điểm đã được chỉ ra'];

const FRAMES_124: readonly CriteriaFrame[] = [
  wordsFrame('collective', 'Tập thể', 'Quy định 124-QĐ/TW', [
    ['party_building', 'Xây dựng Đảng, hệ thống chính trị về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ'],
    ['leadership', 'Lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị'],
    ['inspection', 'Kiểm tra, giám sát, phòng, chống tham nhũng, tiêu cực'],
    ['remedies', 'Khắc phục hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra'],
  ]),
  wordsFrame('leader', 'Cán bộ lãnh đạo, quản lý', 'Quy định 124-QĐ/TW', [
    POLITICS_ETHICS_124, DUTIES_124, ['leadership', 'Năng lực lãnh đạo, quản lý; trách nhiệm người đứng đầu'], REMEDIES_124,
  ]),
  wordsFrame('individual', 'Đảng viên', 'Quy định 124-QĐ/TW', [
    POLITICS_ETHICS_124, DUTIES_124, ['commitments', 'Thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm'], REMEDIES_124,
  ]),
];

/**
 * The rule sets, oldest first. Adding a regulation is adding an entry here (and closing the previous
 * one's validTo the day before), never changing the logic.
 */
export const RULE_SETS: readonly ReviewRuleSet[] = [
  {
    id: 'qd-124-2023',
    label: 'Quy định 124-QĐ/TW',
    source: 'Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm tự phê bình, phê bình hằng năm đối với tập thể, cá nhân và đánh giá, xếp loại chất lượng hằng năm đối với tổ chức đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý các cấp',
    validFrom: '2023-10-04' as IsoDate,
    validTo: '2025-08-29' as IsoDate,
    kinds: ['year'],
    scored: false,
    maxPoints: null,
    frames: FRAMES_124,
    conditions: null,
    quota: { maxPercent: 20, base: 'good_and_excellent', rounding: 'floor', enforcement: 'block', source: QUOTA_21_HD },
    order: ORDER,
    notes: [
      'Không chấm điểm: tập thể, cá nhân tự xếp loại vào một trong bốn mức, cấp có thẩm quyền thẩm định và quyết định (Điều 12).',
      'Quy trình ba bước: tự đánh giá, tự xếp loại → thẩm định, đề xuất → cấp có thẩm quyền quyết định.',
      'Các tiêu chí của từng khung tóm lược nội dung kiểm điểm, đánh giá bằng nhận xét; cấp ủy thay bằng khung của mình khi cần.',
    ],
  },
  {
    id: 'qd-366-2025',
    label: 'Quy định 366-QĐ/TW',
    source: 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị',
    validFrom: '2025-08-30' as IsoDate,
    validTo: null,
    kinds: ['term', 'year', 'quarter', 'ad_hoc'],
    scored: true,
    maxPoints: 100,
    frames: FRAMES_366,
    conditions: CONDITIONS_366,
    quota: { maxPercent: 20, base: 'good_and_excellent', rounding: 'floor', enforcement: 'override_with_reason', source: QUOTA_21_HD },
    order: ORDER,
    notes: [
      'Tổng 100 điểm: tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm, trên năm phụ lục khung tiêu chí; điều kiện từng mức theo Điều 11.',
      'Điểm tối đa của từng tiêu chí trong mỗi khung là số liệu mặc định hợp lý: các nguồn hiện có chỉ nêu tổng 30 và 70 điểm; cấp ủy thay bằng khung tiêu chí của mình khi có hướng dẫn.',
      'Việc 366-QĐ/TW có nhắc lại giới hạn 20% HTXSNV hay không chưa được xác nhận: vượt giới hạn được ghi nhận kèm lý do, không bị chặn.',
      '"Chất lượng" của nhiệm vụ đúng hạn do tập thể đánh giá; số liệu chỉ kiểm tra được đúng hạn, chậm, chưa hoàn thành và vượt mức.',
    ],
  },
];

/**
 * The rule set in force on `on` — for a review period, on its END date, so a year-end review of 2025
 * is graded under 366 though the year began under 124. Throws REVIEW_RULES_NONE when no set covers
 * the day (before the first regulation we hold, or in a gap between two).
 */
export function ruleSetInForce(on: IsoDate, sets: readonly ReviewRuleSet[] = RULE_SETS): ReviewRuleSet {
  const found = sets.filter((s) => s.validFrom <= on && (s.validTo === null || on <= s.validTo));
  // The latest validFrom wins when two overlap (a new set added before the old one's validTo was closed).
  const best = found.reduce<ReviewRuleSet | null>((b, s) => (b === null || s.validFrom > b.validFrom ? s : b), null);
  if (!best) throw new DomainError('REVIEW_RULES_NONE', `Không có quy định kiểm điểm, xếp loại nào có hiệu lực vào ngày ${formatViDate(on)}.`, { on });
  return best;
}

/**
 * The rule set of a review period of `kind` ending on `to`: the one in force on `to`, which must allow
 * the kind (124 knows only yearly reviews). Throws REVIEW_RULES_NONE or REVIEW_KIND_NOT_ALLOWED.
 */
export function ruleSetForPeriod(kind: ReviewKind, to: IsoDate, sets: readonly ReviewRuleSet[] = RULE_SETS): ReviewRuleSet {
  const set = ruleSetInForce(to, sets);
  if (!set.kinds.includes(kind)) {
    const allowed = set.kinds.map((k) => REVIEW_KIND_LABELS[k].vi.toLocaleLowerCase('vi')).join(', ');
    throw new DomainError('REVIEW_KIND_NOT_ALLOWED', `${set.label} không có kỳ kiểm điểm "${REVIEW_KIND_LABELS[kind].vi.toLocaleLowerCase('vi')}" (chỉ có: ${allowed}).`, { ruleSet: set.id, kind });
  }
  return set;
}

/** The frame of `kind` in `set`; null when the set has none (124 has no frame for leaders managed by the Centre). */
export function frameOf(set: ReviewRuleSet, kind: FrameKind): CriteriaFrame | null {
  return set.frames.find((f) => f.kind === kind) ?? null;
}

