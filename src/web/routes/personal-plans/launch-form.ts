import type { PlanFormView, RoundKind } from '#shared/personal-plans.ts';

/** One rule of a round: the form that members of these categories, in these units, fill. */
export interface AssignmentRow {
  key: number;
  formId: string | null;
  categories: string[];
  units: { id: string; name: string }[];
}

export interface LaunchValues {
  kind: RoundKind;
  planId: string | null;
  taskId: string | null;
  title: string;
  scope: 'term' | 'year';
  year: string;
  rows: AssignmentRow[];
  submitBy: string | null;
  confirmBy: string | null;
  sendUpBy: string | null;
  pledgeText: string;
  categories: string[];
}

export const PARTY_CATEGORIES = ['party_full', 'party_probationary'];

export function emptyLaunch(today: string): LaunchValues {
  return {
    kind: 'personal_plan', planId: null, taskId: null, title: '', scope: 'year', year: today.slice(0, 4), rows: [emptyRow(1)],
    submitBy: null, confirmBy: null, sendUpBy: null, pledgeText: '', categories: [...PARTY_CATEGORIES],
  };
}

export const emptyRow = (key: number): AssignmentRow => ({ key, formId: null, categories: [...PARTY_CATEGORIES], units: [] });

/** The forms a rule may name: those of the round's scope, the seed's first, each labelled "Mẫu 02 — title". */
export function formOptions(forms: readonly PlanFormView[], scope: 'term' | 'year'): { value: string; label: string }[] {
  return forms
    .filter((f) => f.scope === scope)
    .sort((a, b) => Number(a.unitId !== null) - Number(b.unitId !== null) || a.label.localeCompare(b.label, 'vi'))
    .map((f) => ({ value: f.id, label: f.unitName ? `${f.label} — ${f.title} (${f.unitName})` : `${f.label} — ${f.title}` }));
}

/**
 * The request that launches the round (POST /api/rounds, checked by RoundCreateSchema): a personal
 * plan round carries its scope, year, rules and step deadlines; a pledge its text and who signs.
 * Blank optional deadlines are null; the plan and the task stay as chosen (empty when not).
 */
export function launchInput(unitId: string, v: LaunchValues): Record<string, unknown> {
  const base = { kind: v.kind, unitId, planId: v.planId ?? '', taskId: v.taskId ?? '', title: v.title, submitBy: v.submitBy ?? '' };
  if (v.kind === 'pledge') return { ...base, pledgeText: v.pledgeText, categories: v.categories };
  return {
    ...base,
    scope: v.scope,
    year: Number(v.year),
    assignments: v.rows.map((r) => ({ formId: r.formId ?? '', categories: r.categories, unitIds: r.units.map((u) => u.id) })),
    confirmBy: v.confirmBy,
    sendUpBy: v.sendUpBy,
  };
}
