import { vietnamDate, type IsoDate } from '#core/ids.ts';
import { formatViDate, formatViDateTime } from '#core/text/dates.ts';
import { currentLanguage, type Language } from '../i18n/index.ts';

// Dates are written by core/text/dates.ts; what stays here reads the browser's clock or the
// interface language: numbers and dates are written the way the chosen language writes them.

/** Today's date in Vietnam, from the browser's clock. */
export function todayIso(): IsoDate {
  return vietnamDate(new Date());
}

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const SEPARATORS: Record<Language, { thousands: string; decimal: string }> = {
  vi: { thousands: '.', decimal: ',' },
  en: { thousands: ',', decimal: '.' },
};

/** The thousands and decimal separators of a language: "2.909,5" in Vietnamese, "2,909.5" in English. */
export function numberSeparators(lang: Language = currentLanguage()): { thousands: string; decimal: string } {
  return SEPARATORS[lang];
}

/** A number the way the interface language writes it: 2.909 in Vietnamese, 2,909 in English. */
export function formatNumber(n: number, lang: Language = currentLanguage()): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/**
 * A rate (0..1) as a percentage with two decimals, truncated like the documents print it
 * ("95,56%" in Vietnamese, "95.56%" in English); "—" when nothing was counted.
 */
export function formatRate(rate: number, counted = true, lang: Language = currentLanguage()): string {
  if (!counted || !Number.isFinite(rate)) return '—';
  const hundredths = Math.floor(rate * 10_000 + 1e-6);
  const int = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0');
  return `${formatNumber(int, lang)}${SEPARATORS[lang].decimal}${frac}%`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}:\d{2}))?$/;

/** "05/04/2022" (Vietnamese, core/text/dates.ts) → "5 Apr 2022", "05/04/2022 14:05" → "5 Apr 2022, 14:05". */
function inEnglish(vi: string): string {
  const m = DMY.exec(vi);
  if (!m) return vi;
  const date = `${Number(m[1])} ${MONTHS_EN[Number(m[2]) - 1]} ${m[3]}`;
  return m[4] ? `${date}, ${m[4]}` : date;
}

/**
 * A date in a table, list or notice, the way the interface language writes it: "05/04/2022" in
 * Vietnamese, "5 Apr 2022" in English (never the ambiguous 04/05). Empty for no date; a text that is
 * not a date is shown as it is. Typed dates stay day/month/year in both (components/TypedDateInput).
 */
export function formatDate(date: string | null | undefined, lang: Language = currentLanguage()): string {
  const vi = formatViDate(date);
  return lang === 'en' ? inEnglish(vi) : vi;
}

/** An instant in Vietnam time: "05/04/2022 14:05" in Vietnamese, "5 Apr 2022, 14:05" in English. */
export function formatDateTime(instant: string | Date, lang: Language = currentLanguage()): string {
  const vi = formatViDateTime(instant);
  return lang === 'en' ? inEnglish(vi) : vi;
}
