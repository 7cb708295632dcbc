/**
 * Dates written the Vietnamese way: the one family of date formatters of the application, used by
 * the web, the exported documents and the messages alike (DESIGN.md "Vietnamese conventions").
 *
 * | form | example | where |
 * |---|---|---|
 * | {@link formatViDate} | "05/04/2022" | tables, lists, forms, notices: day and month always two digits |
 * | {@link formatViDateInText} | "5/4/2022" | running text of documents, as the seeds write "trước ngày 31/3/2022" |
 * | {@link formatViLongDate} | "ngày 05 tháng 4 năm 2022" | a document's own date |
 * | {@link formatViDateLine} | "Hà Nội, ngày 18 tháng 4 năm 2022" | the place-and-date line under a document's heading |
 * | {@link formatViDateTime} | "05/04/2022 14:05" | an instant in the interface, in Vietnam time |
 * | {@link parseViDate} | "5/4/2022" → "2022-04-05" | a date a person types |
 *
 * Nothing here reads the clock: every date or instant comes in as an argument.
 */
import { isoDate, type IsoDate } from '../ids.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Vietnam keeps UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * "2022-04-05" → "05/04/2022" (dd/mm/yyyy), the form of tables, lists, forms and notices.
 * Empty for no date. A text that is not a `YYYY-MM-DD` date is returned as it is: a page shows
 * what it was given rather than fail over one odd value.
 */
export function formatViDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = ISO.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/**
 * "2022-04-05" → "5/4/2022" (d/m/yyyy, no leading zeros), the form of running text in documents:
 * "trước ngày 31/3/2022", "Kế hoạch số 161-KH/TU ngày 22/2/2022". A text that is not a
 * `YYYY-MM-DD` date is returned as it is.
 */
export function formatViDateInText(date: string): string {
  const m = ISO.exec(date);
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : date;
}

/**
 * Day and month as a document's date prints them: days below 10 and the months 1 and 2 take a
 * leading zero (36-HD/VPTW and Nghị định 30/2020/NĐ-CP Phụ lục I say the same): day 5 → "05",
 * month 2 → "02", month 4 → "4".
 */
export function viDayMonth(day: number, month: number): { day: string; month: string } {
  return { day: day < 10 ? `0${day}` : String(day), month: month <= 2 ? `0${month}` : String(month) };
}

function calendarParts(date: string): { y: number; m: number; d: number } {
  const m = ISO.exec(date);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || isoDate(y, mo, d) === null) throw new RangeError(`Ngày không hợp lệ: ${date}`);
  return { y, m: mo, d };
}

/**
 * "ngày 18 tháng 4 năm 2022", "ngày 05 tháng 02 năm 2026": a document's own date.
 * Throws RangeError for a text that is not a real calendar date: a document must not print a
 * wrong one.
 */
export function formatViLongDate(date: IsoDate): string {
  const { y, m, d } = calendarParts(date);
  const dm = viDayMonth(d, m);
  return `ngày ${dm.day} tháng ${dm.month} năm ${y}`;
}

/**
 * The place-and-date line of a document: formatViDateLine('Trà Vinh', '2022-04-18') →
 * "Trà Vinh, ngày 18 tháng 4 năm 2022". Throws RangeError for an invalid date or an empty place.
 */
export function formatViDateLine(place: string, date: IsoDate): string {
  const p = place.trim();
  if (!p) throw new RangeError('Thiếu địa danh');
  return `${p}, ${formatViLongDate(date)}`;
}

/**
 * An instant as "31/03/2024 14:05", in Vietnam time, for the interface ("saved at", "sent at").
 * A text that is not an instant is returned as it is.
 */
export function formatViDateTime(instant: string | Date): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return String(instant);
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${formatViDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * A date as a person types it: "31/3/2022", "31/03/2022", "31-3-2022", "31.3.2022" (day first, a
 * four-digit year, spaces around the separators allowed) or "2022-03-31". Returns null when the
 * text is none of these or names a day that is not on the calendar (31/2/2022) or a year outside
 * 1900–2100.
 */
export function parseViDate(text: string): IsoDate | null {
  const s = text.trim();
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  return ymd ? isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) : null;
}
