/** Branded primitives: a function that wants a unit id cannot be handed a person id. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type UnitId = Brand<string, 'UnitId'>;
export type PersonId = Brand<string, 'PersonId'>;
export type UserId = Brand<string, 'UserId'>;
export type MembershipId = Brand<string, 'MembershipId'>;
/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = Brand<string, 'IsoDate'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD` (rejects 2022-02-30). */
export function isIsoDate(s: string): s is IsoDate {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** The years a date may fall in: outside them, a year is a typing slip (0000, 9999) rather than a date anyone means. */
export const PLAUSIBLE_YEARS = { from: 1900, to: 2100 } as const;

/** True when `year` is a whole number within PLAUSIBLE_YEARS. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= PLAUSIBLE_YEARS.from && year <= PLAUSIBLE_YEARS.to;
}

/**
 * Builds an IsoDate from its parts, or null when the day does not exist (31/2, month 13) or the
 * year is not plausible.
 */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!isPlausibleYear(year)) return null;
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date of an instant in Vietnam (UTC+7, no daylight saving). */
export function vietnamDate(at: Date): IsoDate {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10) as IsoDate;
}
