import { vietnamDate } from '../../core/ids.ts';

/** "2024-03-31" → "31/03/2024"; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as "31/03/2024 14:05", in Vietnam time. */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const local = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayIso(): string {
  return vietnamDate(new Date());
}

/** Numbers the Vietnamese way: 2.909 */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}

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
