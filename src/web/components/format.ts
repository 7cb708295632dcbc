import { vietnamDate, type IsoDate } from '../../core/ids.ts';

// Dates are written by core/text/dates.ts; what stays here reads the browser's clock or locale.

/** Today's date in Vietnam, from the browser's clock. */
export function todayIso(): IsoDate {
  return vietnamDate(new Date());
}

/** Numbers the Vietnamese way: 2.909 */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}
