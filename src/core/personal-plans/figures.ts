import type { FormFigure } from '../meetings/figures.ts';
import { foldForSearch } from '../text/fold.ts';
import type { RoundFigures } from './coverage.ts';

/**
 * Prefilling a report's figures from a round's coverage, as study sessions prefill theirs
 * (core/meetings/figures.ts): the report form names its figures in words ("Số đảng viên xây dựng kế
 * hoạch cá nhân", "Số kế hoạch được chi bộ xác nhận", "Số đồng chí lãnh đạo đăng ký nêu gương"), so
 * each is recognised by its key or its label. What nothing recognises is left for the unit to fill;
 * every prefilled figure can still be corrected before the report is submitted.
 */
export type RoundFigureSource = 'must' | 'submitted' | 'confirmed' | 'late' | 'leaders' | 'leadersRegistered' | 'percentSubmitted' | 'percentConfirmed';

const KEYS: Record<RoundFigureSource, readonly string[]> = {
  must: ['total', 'tong_so', 'tong_so_dang_vien', 'so_phai_lap', 'must'],
  submitted: ['submitted', 'so_da_lap', 'da_lap', 'da_nop', 'so_ke_hoach', 'so_dang_vien_lap_ke_hoach', 'da_ky', 'so_da_ky'],
  confirmed: ['confirmed', 'da_xac_nhan', 'so_xac_nhan', 'so_da_xac_nhan'],
  late: ['late', 'nop_muon', 'so_nop_muon'],
  leaders: ['leaders', 'so_lanh_dao'],
  leadersRegistered: ['leaders_registered', 'neu_guong', 'dang_ky_neu_guong', 'so_dang_ky_neu_guong'],
  percentSubmitted: ['percent', 'ty_le', 'ty_le_lap'],
  percentConfirmed: ['percent_confirmed', 'ty_le_xac_nhan'],
};

/** Which count of a round a report figure asks for, by key first, then by its label; null when none. */
export function roundFigureSource(f: FormFigure): RoundFigureSource | null {
  const key = f.key.toLowerCase();
  for (const [source, keys] of Object.entries(KEYS) as [RoundFigureSource, readonly string[]][]) if (keys.includes(key)) return source;
  const label = foldForSearch(f.label);
  const percent = f.unit?.trim() === '%' || /\bty le\b/.test(label);
  if (percent) return /\bxac nhan\b/.test(label) ? 'percentConfirmed' : 'percentSubmitted';
  if (/\bneu guong\b/.test(label)) return /\bdang ky\b|\bda\b/.test(label) ? 'leadersRegistered' : 'leaders';
  if (/\bmuon\b|\bqua han\b/.test(label)) return 'late';
  if (/\bxac nhan\b/.test(label)) return 'confirmed';
  if (/\btong so\b|\bphai\b/.test(label)) return 'must';
  if (/\b(xay dung|lap|nop|dang ky|ky)\b.*\b(ke hoach|cam ket)\b|\b(ke hoach|cam ket)\b.*\bda\b/.test(label)) return 'submitted';
  return null;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.floor((part * 100) / whole));

/** The figures of a form a round's coverage can fill, by key, and which count each came from. */
export function prefillRoundFigures(form: readonly FormFigure[], f: RoundFigures): { figures: Record<string, number>; sources: Record<string, RoundFigureSource> } {
  const sources: Record<string, RoundFigureSource> = {};
  for (const x of form) {
    const src = roundFigureSource(x);
    if (src) sources[x.key] = src;
  }
  // A figure the submitted one is "part of" is the whole: "Tổng số đảng viên" of "Số đã lập kế hoạch".
  for (const x of form) if (x.of && sources[x.key] === 'submitted' && !sources[x.of]) sources[x.of] = 'must';
  const figures: Record<string, number> = {};
  for (const [key, src] of Object.entries(sources)) {
    figures[key] = src === 'percentSubmitted' ? percent(f.submitted, f.must) : src === 'percentConfirmed' ? percent(f.confirmed, f.must) : f[src];
  }
  return { figures, sources };
}
