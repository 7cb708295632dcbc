import type { IsoDate } from '../ids.ts';
import { foldForSearch } from '../text/fold.ts';
import type { FigureSpec } from './form.ts';

/**
 * Figures of a report form that the system already knows and fills in for the unit, which can
 * still change them: for now the unit's number of party members ("Số đảng viên của chi bộ",
 * "Tổng số đảng viên"), counted from the member list on the report's date. A figure that asks for
 * part of the members ("Số đảng viên được học tập", "… mới kết nạp") is not that number and is
 * left to the unit.
 */
export type KnownSource = 'party_members';

const MEMBER_KEYS = new Set(['so_dang_vien', 'tong_so_dang_vien', 'party_members', 'dang_vien']);
const MEMBER_LABEL =
  /^(tong )?so( luong)? dang vien( (cua|trong|thuoc) (chi bo|dang bo|don vi|co so|to chuc co so dang|to chuc dang)( co so)?( nay)?)?( hien (co|nay))?$/;

/** Which known count a figure asks for, by its key or its label; null when none. */
export function knownSourceOf(f: Pick<FigureSpec, 'key' | 'label' | 'unit'>): KnownSource | null {
  if (f.unit?.trim() === '%') return null;
  if (MEMBER_KEYS.has(f.key.toLowerCase())) return 'party_members';
  const label = foldForSearch(f.label.replace(/\([^)]*\)/g, ' ')).replace(/[.:;,]+$/u, '').trim();
  return MEMBER_LABEL.test(label) ? 'party_members' : null;
}

/** The figures of a form the system fills, by key. */
export function knownFigureSources(figures: readonly Pick<FigureSpec, 'key' | 'label' | 'unit'>[]): Record<string, KnownSource> {
  const out: Record<string, KnownSource> = {};
  for (const f of figures) {
    const src = knownSourceOf(f);
    if (src) out[f.key] = src;
  }
  return out;
}

/**
 * The day known figures are counted on: the end of the report's period (else its due date), never
 * after today — a report about March counts the members of 31 March, one due next month counts today's.
 */
export function knownFiguresDate(period: { periodEnd: IsoDate | null; dueDate: IsoDate | null }, today: IsoDate): IsoDate {
  const end = period.periodEnd ?? period.dueDate;
  return end !== null && end < today ? end : today;
}
