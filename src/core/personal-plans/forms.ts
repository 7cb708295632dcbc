import type { TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';
import type { MemberCategory, Position } from '../org-tree/kinds.ts';

/**
 * The forms of a personal plan (kế hoạch cá nhân, GLOSSARY "personalPlan") as data: a form is a list
 * of sections, each with its bounds on the number of items and the content areas an item may be
 * about, so that a committee can launch a round of a form the seeds do not show (the Youth Union's,
 * an association's) without code. The four forms of seed 003 (§2.3, §3) are given here.
 */

/** The content areas seed 003 asks a plan to touch (tư tưởng chính trị … khắc phục hạn chế đã chỉ ra). */
export const PLAN_AREAS = {
  political_thought: { vi: 'Tư tưởng chính trị', en: 'Political thought' },
  ethics_lifestyle: { vi: 'Đạo đức, lối sống', en: 'Ethics and lifestyle' },
  self_criticism: { vi: 'Tự phê bình và phê bình', en: 'Self-criticism and criticism' },
  people_relations: { vi: 'Quan hệ với Nhân dân', en: 'Relations with the people' },
  work_responsibility: { vi: 'Trách nhiệm trong công việc', en: 'Responsibility at work' },
  discipline_unity: { vi: 'Ý thức tổ chức kỷ luật, đoàn kết', en: 'Discipline and unity' },
  remedy_shortcomings: { vi: 'Khắc phục hạn chế, khuyết điểm đã được chỉ ra', en: 'Remedying shortcomings already pointed out' },
} as const;
export type PlanArea = keyof typeof PLAN_AREAS;
export const PLAN_AREA_NAMES = Object.keys(PLAN_AREAS) as [PlanArea, ...PlanArea[]];

/** The two groups of a leader's example-setting items (seed 003 §2.3: "thuộc 2 nhóm công việc"). */
export const EXAMPLE_GROUPS = {
  long_standing: { vi: 'Việc khắc phục hạn chế, thiếu sót kéo dài', en: 'Remedying long-standing shortcomings' },
  breakthrough: { vi: 'Việc đột phá, đổi mới, sáng tạo, cấp bách', en: 'Breakthrough, innovative or urgent work' },
} as const;
export type ExampleGroup = keyof typeof EXAMPLE_GROUPS;

/** One section of a form: what its items are about and how many it must hold. */
export interface FormSection {
  key: string;
  title: string;
  minItems: number;
  maxItems: number;
  /** The areas an item may be tagged with; empty: any. */
  areas: readonly PlanArea[];
  /** Areas that at least one item of the section must be about. */
  requiredAreas: readonly PlanArea[];
  /** Items of this section name one of the example-setting groups (the leaders' part). */
  grouped: boolean;
  /** Only holders of these positions fill the section (the leaders' part); empty: everyone. */
  forPositions: readonly Position[];
}

export interface PlanForm {
  /** "mau-01" … as the seed numbers them. */
  code: string;
  /** "Mẫu 01": how the documents name it. */
  label: string;
  title: string;
  /** A whole-term topic (chuyên đề toàn khóa) or the year's theme (chủ đề năm). */
  scope: 'term' | 'year';
  sections: readonly FormSection[];
}

/** The leaders and heads of seed 003 §2.3 (lãnh đạo chủ chốt, người đứng đầu). */
export const LEADER_POSITIONS: readonly Position[] = ['secretary', 'deputy_secretary', 'standing_member', 'head'];

const exampleSection: FormSection = {
  key: 'example',
  title: 'Đăng ký nêu gương (lãnh đạo chủ chốt, người đứng đầu)',
  minItems: 1,
  maxItems: 2,
  areas: [],
  requiredAreas: [],
  grouped: true,
  forPositions: LEADER_POSITIONS,
};

function seedForm(n: 1 | 2 | 3 | 4): PlanForm {
  const scope = n % 2 === 1 ? 'term' : 'year';
  const whom = n <= 2 ? 'cấp ủy viên, cán bộ, đảng viên, công chức, viên chức khối cơ quan, trường học' : 'đảng viên nông thôn, đoàn viên, hội viên';
  const topic = scope === 'term' ? 'chuyên đề toàn khóa' : 'chủ đề năm';
  return {
    code: `mau-0${n}`,
    label: `Mẫu 0${n}`,
    title: `Kế hoạch cá nhân thực hiện ${topic} (${whom})`,
    scope,
    sections: [
      {
        key: 'items',
        title: 'Nội dung phấn đấu',
        // Seed 003 §2.3: "tối thiểu 3 đến 5 nội dung" for the term, "1 đến 2" for the year.
        minItems: scope === 'term' ? 3 : 1,
        maxItems: scope === 'term' ? 5 : 2,
        areas: PLAN_AREA_NAMES,
        requiredAreas: [],
        grouped: false,
        forPositions: [],
      },
      exampleSection,
    ],
  };
}

/** Mẫu 01–04 of seed 003: 01 and 03 for the whole term, 02 and 04 for the year. */
export const SEED_FORMS: readonly PlanForm[] = [seedForm(1), seedForm(2), seedForm(3), seedForm(4)];

/**
 * Who fills which form in a round: the first rule that matches a member decides. A rule names
 * member categories and, optionally, the units (each with its subtree) where it applies — seed 003
 * gives agencies and schools Mẫu 01/02 and rural cells Mẫu 03/04, a difference no unit kind
 * records, so the committee launching the round names its agencies and schools.
 */
export interface FormAssignment {
  form: string;
  categories: readonly MemberCategory[];
  /** The paths of the units where the rule applies, each with its subtree; empty: everywhere. */
  within: readonly TreePath[];
}

/**
 * Seed 003's assignment for the term (Mẫu 01 / 03) or the year (Mẫu 02 / 04): everyone of the
 * agencies and schools (`agencies`, with the committee itself) fills 01/02; elsewhere party
 * members, youth and association members fill 03/04, and cadres and workers 01/02.
 */
export function seedAssignments(scope: 'term' | 'year', agencies: readonly TreePath[]): FormAssignment[] {
  const [agency, rural] = scope === 'term' ? ['mau-01', 'mau-03'] : ['mau-02', 'mau-04'];
  return [
    ...(agencies.length > 0 ? [{ form: agency, categories: ['party_full', 'party_probationary', 'cadre', 'worker', 'youth', 'association'] as MemberCategory[], within: agencies }] : []),
    { form: rural, categories: ['party_full', 'party_probationary', 'youth', 'association'], within: [] },
    { form: agency, categories: ['cadre', 'worker'], within: [] },
  ];
}

/** The form a member of the unit at `unitPath` fills, or null when no rule takes them. */
export function formFor(member: { category: MemberCategory; unitPath: TreePath }, rules: readonly FormAssignment[]): string | null {
  const rule = rules.find((r) => r.categories.includes(member.category) && (r.within.length === 0 || r.within.some((w) => isWithin(member.unitPath, w))));
  return rule?.form ?? null;
}

/** True when a member holding `positions` fills a form's leaders' part (seed 003 §2.3). */
export function isLeader(positions: readonly Position[]): boolean {
  return positions.some((p) => LEADER_POSITIONS.includes(p));
}

/** The sections of `form` a member fills: the leaders' part only for those holding a leader's position. */
export function sectionsFor(form: PlanForm, positions: readonly Position[]): FormSection[] {
  return form.sections.filter((s) => s.forPositions.length === 0 || s.forPositions.some((p) => positions.includes(p)));
}
