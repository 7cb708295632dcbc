/**
 * The form of a report obligation (what a unit fills in) and the checks a submission must pass
 * against it. A figure may name the figure it is part of (`of`): "số đảng viên được học tập" of
 * "tổng số đảng viên", and a part never exceeds its whole.
 */
export interface FigureSpec {
  key: string;
  label: string;
  /** The unit of measure as written ("người", "cuộc", "%"). */
  unit?: string | null;
  /** The key of the figure this one is a part of. */
  of?: string | null;
}

export interface SectionSpec {
  key: string;
  title: string;
}

export interface ReportForm {
  figures: FigureSpec[];
  sections: SectionSpec[];
}

/** The narrative section every obligation has when its form names none: the report's text. */
export const DEFAULT_SECTION: SectionSpec = { key: 'content', title: 'Nội dung báo cáo' };

/** Reads a form as stored (JSON of any age), keeping only well-formed figures and sections. */
export function readForm(raw: unknown): ReportForm {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as { figures?: unknown; sections?: unknown };
  const list = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && typeof (x as { key?: unknown }).key === 'string') : [];
  const figures = list(o.figures).map((f) => ({
    key: f.key as string,
    label: typeof f.label === 'string' ? f.label : (f.key as string),
    unit: typeof f.unit === 'string' ? f.unit : null,
    of: typeof f.of === 'string' ? f.of : null,
  }));
  const sections = list(o.sections).map((s) => ({ key: s.key as string, title: typeof s.title === 'string' ? s.title : (s.key as string) }));
  return { figures, sections };
}

/** The narrative sections a submission may fill: the form's, or the one default section. */
export function sectionsOf(form: ReportForm): SectionSpec[] {
  return form.sections.length > 0 ? form.sections : [DEFAULT_SECTION];
}

export type FormProblem =
  | { code: 'FIGURE_UNKNOWN'; key: string }
  | { code: 'FIGURE_INVALID'; key: string; label: string }
  | { code: 'FIGURE_EXCEEDS_WHOLE'; key: string; label: string; whole: string; wholeLabel: string }
  | { code: 'FIGURES_MISSING'; keys: string[]; labels: string[] }
  | { code: 'SECTION_UNKNOWN'; key: string };

/**
 * The problems of a submission's figures and narrative against the form, in a stable order.
 * A draft may leave figures empty (null or absent); a final submission (`final`) must fill every
 * figure of the form. Figures are whole numbers from 0.
 */
export function checkSubmission(
  form: ReportForm,
  input: { figures: Readonly<Record<string, number | null>>; narrative: Readonly<Record<string, string>> },
  opts: { final: boolean },
): FormProblem[] {
  const problems: FormProblem[] = [];
  const byKey = new Map(form.figures.map((f) => [f.key, f]));
  for (const key of Object.keys(input.figures)) {
    if (!byKey.has(key)) problems.push({ code: 'FIGURE_UNKNOWN', key });
  }
  for (const f of form.figures) {
    const v = input.figures[f.key];
    if (v === undefined || v === null) continue;
    if (!Number.isInteger(v) || v < 0) {
      problems.push({ code: 'FIGURE_INVALID', key: f.key, label: f.label });
      continue;
    }
    const whole = f.of ? byKey.get(f.of) : undefined;
    const wv = whole ? input.figures[whole.key] : undefined;
    if (whole && typeof wv === 'number' && v > wv) {
      problems.push({ code: 'FIGURE_EXCEEDS_WHOLE', key: f.key, label: f.label, whole: whole.key, wholeLabel: whole.label });
    }
  }
  const allowed = new Set(sectionsOf(form).map((s) => s.key));
  for (const key of Object.keys(input.narrative)) {
    if (!allowed.has(key)) problems.push({ code: 'SECTION_UNKNOWN', key });
  }
  if (opts.final) {
    const missing = form.figures.filter((f) => input.figures[f.key] === undefined || input.figures[f.key] === null);
    if (missing.length > 0) problems.push({ code: 'FIGURES_MISSING', keys: missing.map((f) => f.key), labels: missing.map((f) => f.label) });
  }
  return problems;
}

/** What a problem says to the person filling the form (Vietnamese). */
export function describeProblem(p: FormProblem): string {
  switch (p.code) {
    case 'FIGURE_UNKNOWN':
      return `Chỉ tiêu "${p.key}" không có trong biểu mẫu của báo cáo này.`;
    case 'FIGURE_INVALID':
      return `Chỉ tiêu "${p.label}" phải là số nguyên không âm.`;
    case 'FIGURE_EXCEEDS_WHOLE':
      return `Chỉ tiêu "${p.label}" không được lớn hơn "${p.wholeLabel}".`;
    case 'FIGURES_MISSING':
      return `Hãy nhập đủ các chỉ tiêu trước khi gửi báo cáo: ${p.labels.join('; ')}.`;
    case 'SECTION_UNKNOWN':
      return `Mục "${p.key}" không có trong biểu mẫu của báo cáo này.`;
  }
}
