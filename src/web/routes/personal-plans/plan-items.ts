import type { PersonalPlanView, PlanItemInput, PlanSections, PlanVersion, RecordState } from '#shared/personal-plans.ts';

/** One section of a plan's form, as the view gives it. */
export type FormSection = PersonalPlanView['form']['sections'][number];

type Section = Pick<FormSection, 'minItems' | 'maxItems'>;

/** How a section's bounds are said: "1 nội dung", "từ 1 đến 2 nội dung", "tối đa 2 nội dung". */
export function boundsText(s: Section): { key: 'exact' | 'range' | 'atMost'; min: number; max: number } {
  const key = s.minItems === s.maxItems ? 'exact' : s.minItems === 0 ? 'atMost' : 'range';
  return { key, min: s.minItems, max: s.maxItems };
}

/** Another item may be added while the section holds fewer than its most. */
export const mayAdd = (s: Section, count: number): boolean => count < s.maxItems;

/** An item may be removed while the section holds more than its least. */
export const mayRemove = (s: Section, count: number): boolean => count > s.minItems;

/** What is wrong, where: messages about a section as a whole, and about each of its items (1-based). */
export interface SectionIssues {
  section: string[];
  items: Record<number, string[]>;
}

export interface PlacedIssues {
  bySection: Record<string, SectionIssues>;
  /** Messages that name no section the member fills. */
  other: string[];
}

/** A refusal's field: its path ("sections.items.0.text", "body.sections.example") and message. */
interface Field {
  path: string;
  message: string;
}

const FIELD = /^(?:body\.)?sections\.([^.]+)(?:\.(\d+))?(?:\.|$)/;

/**
 * The plan's problems put where the member sees them: the view's `issues` (a section and a 1-based
 * item, or none) and the `fields` of a refused submission (paths into `sections`, items 0-based as
 * in the request). A message given twice at the same place shows once; what names no section of
 * `filled` goes to `other`.
 */
export function placeIssues(filled: readonly string[], issues: readonly { section: string; item: number | null; message: string }[], fields: readonly Field[] = []): PlacedIssues {
  const out: PlacedIssues = { bySection: {}, other: [] };
  const add = (section: string | null, item: number | null, message: string) => {
    if (section === null || !filled.includes(section)) {
      if (!out.other.includes(message)) out.other.push(message);
      return;
    }
    const at = (out.bySection[section] ??= { section: [], items: {} });
    const list = item === null ? at.section : (at.items[item] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const i of issues) add(i.section, i.item, i.message);
  for (const f of fields) {
    const m = FIELD.exec(f.path);
    add(m ? m[1]! : null, m?.[2] !== undefined ? Number(m[2]) + 1 : null, f.message);
  }
  return out;
}

/** The items the member starts from: the current version's, for each section they fill (none for a plan not yet written). */
export function startingSections(view: Pick<PersonalPlanView, 'filled' | 'versions'>): PlanSections {
  const current = view.versions.at(-1)?.sections ?? {};
  return Object.fromEntries(view.filled.map((key) => [key, (current[key] ?? []).map((it) => ({ text: it.text, area: it.area ?? null, group: it.group ?? null }))]));
}

/** What is sent: the sections the member fills, each item with its text trimmed; a grouped section's items carry no area, the others no group. */
export function sectionsToSend(sections: PlanSections, grouped: ReadonlySet<string>): PlanSections {
  return Object.fromEntries(
    Object.entries(sections).map(([key, items]) => [
      key,
      items.map((it): PlanItemInput => (grouped.has(key) ? { text: it.text.trim(), group: it.group ?? null } : { text: it.text.trim(), area: it.area ?? null })),
    ]),
  );
}

/** Where one version stands, from its dates: confirmed, returned, submitted or still a draft. */
export function versionState(v: Pick<PlanVersion, 'confirmedOn' | 'returnedAt' | 'submittedOn'>): Exclude<RecordState, 'pending'> {
  if (v.confirmedOn) return 'confirmed';
  if (v.returnedAt) return 'returned';
  if (v.submittedOn) return 'submitted';
  return 'draft';
}

/** Two sets of sections hold the same items (an unsaved change when not). */
export function sameSections(a: PlanSections, b: PlanSections): boolean {
  const norm = (s: PlanSections) => JSON.stringify(Object.keys(s).sort().map((k) => [k, (s[k] ?? []).map((it) => [it.text, it.area ?? null, it.group ?? null])]));
  return norm(a) === norm(b);
}

/** One item of a confirmed plan as the year-end look back shows it: where it is, its text, the member's result and account, the secretary's comment. */
export interface LookBackEntry {
  section: string;
  /** 1-based, within the section. */
  item: number;
  text: string;
  result: PersonalPlanView['lookBack'][number]['result'];
  account: string;
  comment: string;
}

/** Every item of the plan, section by section in the form's order, with what the look back already holds of it. */
export function lookBackEntries(sections: readonly Pick<FormSection, 'key'>[], items: PlanSections, saved: PersonalPlanView['lookBack']): LookBackEntry[] {
  return sections.flatMap((s) =>
    (items[s.key] ?? []).map((it, i) => {
      const old = saved.find((x) => x.section === s.key && x.item === i + 1);
      return { section: s.key, item: i + 1, text: it.text, result: old?.result ?? null, account: old?.account ?? '', comment: old?.comment ?? '' };
    }),
  );
}
