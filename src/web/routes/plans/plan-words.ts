import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../core/access/roles.ts';
import type { Me } from '../../../shared/auth.ts';
import type { PlanStatus } from '../../../shared/plans.ts';

/** "48-KH/ĐUK — Tổ chức học tập …", or the title alone when the plan has no number yet. */
export function planName(p: { number: string | null; title: string }): string {
  return p.number ? `${p.number} — ${p.title}` : p.title;
}

export const STATUS_COLORS: Record<PlanStatus, string> = { draft: 'yellow', published: 'green', cancelled: 'gray' };

/**
 * A rate (0..1) as a Vietnamese percentage with two decimals, truncated like the documents print
 * it ("95,56%"); "—" when nothing was counted.
 */
export function formatRate(rate: number, counted = true): string {
  if (!counted || !Number.isFinite(rate)) return '—';
  const hundredths = Math.floor(rate * 10_000 + 1e-6);
  const int = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0');
  return `${int.toLocaleString('vi-VN')},${frac}%`;
}

/** True when the user may change things for `unitId` (fill reports, update tasks, make plans). */
export function mayWrite(me: Me | undefined, unitId: string | null): boolean {
  if (!me || !unitId) return false;
  return me.superuser || me.grants.some((g) => g.unitId === unitId && roleAllows(g.role, 'write'));
}

/** The interface language, narrowed to the two the labels of shared/ carry. */
export function useLang(): 'vi' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
