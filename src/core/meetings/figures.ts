import { foldForSearch } from '../text/fold.ts';

/**
 * Prefilling a report's figures from the sessions a unit held: the report form names its figures
 * in words ("Số đảng viên được học tập", "Tổng số đảng viên", "Tỷ lệ", "Số hội nghị"), so each
 * figure is recognised by its key or its label and given the matching count. A figure that is
 * recognised by nothing is left for the unit to fill, and every prefilled figure can still be
 * corrected before the report is submitted.
 */
export interface FormFigure {
  key: string;
  label: string;
  unit?: string | null;
  /** The key of the figure this one is a part of. */
  of?: string | null;
}

export interface SessionFigures {
  /** Members who had to study. */
  mustStudy: number;
  /** Members who studied (present at a session or self-study confirmed). */
  studied: number;
  /** Main sessions held. */
  sessions: number;
  /** Make-up sessions held. */
  makeupSessions: number;
  /** Members who studied by confirmed self-study only. */
  selfStudied: number;
}

export type FigureSource = 'mustStudy' | 'studied' | 'percent' | 'sessions' | 'makeupSessions' | 'selfStudied';

const KEYS: Record<FigureSource, readonly string[]> = {
  mustStudy: ['total', 'tong_so', 'tong_so_dang_vien', 'so_phai_hoc_tap', 'must_study'],
  studied: ['studied', 'so_hoc_tap', 'da_hoc_tap', 'duoc_hoc_tap', 'so_dang_vien_hoc_tap', 'so_duoc_hoc_tap'],
  percent: ['percent', 'ty_le', 'ty_le_hoc_tap', 'coverage'],
  sessions: ['sessions', 'so_hoi_nghi', 'so_buoi', 'so_cuoc', 'so_lop'],
  makeupSessions: ['makeup_sessions', 'so_buoi_hoc_bu', 'hoc_bu'],
  selfStudied: ['self_studied', 'tu_hoc', 'so_tu_hoc'],
};

/** Which count a figure asks for, by key first, then by its label; null when none. */
export function figureSource(f: FormFigure): FigureSource | null {
  const key = f.key.toLowerCase();
  for (const [source, keys] of Object.entries(KEYS) as [FigureSource, readonly string[]][]) if (keys.includes(key)) return source;
  const label = foldForSearch(f.label);
  if (f.unit?.trim() === '%' || /\bty le\b/.test(label)) return 'percent';
  if (/\bhoc bu\b/.test(label)) return 'makeupSessions';
  if (/\btu hoc\b|\btu nghien cuu\b/.test(label)) return 'selfStudied';
  if (/\bso (cuoc|buoi|hoi nghi|lop)\b/.test(label)) return 'sessions';
  if (/\b(duoc|da|tham gia|tham du) (hoc tap|quan triet|nghien cuu)\b|\bhoc tap\b.*\b(duoc|da)\b/.test(label)) return 'studied';
  if (/\btong so\b|\bphai hoc\b/.test(label)) return 'mustStudy';
  return null;
}

/** The value of each count; the share is a whole percentage, truncated. */
function valueOf(source: FigureSource, s: SessionFigures): number {
  switch (source) {
    case 'percent':
      return s.mustStudy === 0 ? 0 : Math.floor((s.studied * 100) / s.mustStudy);
    default:
      return s[source];
  }
}

/**
 * The figures of a form that sessions can fill, by key. A figure that another recognised figure is
 * "part of" is the whole it is part of: "Tổng số đảng viên" of "Số đảng viên được học tập".
 */
export function prefillFigures(form: readonly FormFigure[], s: SessionFigures): { figures: Record<string, number>; sources: Record<string, FigureSource> } {
  const sources: Record<string, FigureSource> = {};
  for (const f of form) {
    const src = figureSource(f);
    if (src) sources[f.key] = src;
  }
  for (const f of form) {
    if (f.of && sources[f.key] === 'studied' && !sources[f.of]) sources[f.of] = 'mustStudy';
  }
  const figures: Record<string, number> = {};
  for (const [key, src] of Object.entries(sources)) figures[key] = valueOf(src, s);
  return { figures, sources };
}
