import { vietnamDate, type IsoDate } from '#core/ids.ts';

// Dates are written by core/text/dates.ts; what stays here reads the browser's clock or locale.

/** Today's date in Vietnam, from the browser's clock. */
export function todayIso(): IsoDate {
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
