import { TYPE_HEADINGS, type DocumentKind } from '../docref/kinds.ts';
import { PARTY_NUMBER, STATE_NUMBER, compactNumber, kindOfNumber } from '../docref/number.ts';
import { isoDate } from '../ids.ts';
import { foldWhitespace } from '../text/fold.ts';
import { isSeparator, isUpperLine, trimmedSpan, type Line } from './lines.ts';

/** What the heading block of a document says: kind, number, place and date, title. */
export interface Header {
  kind: DocumentKind | string | null;
  number: string | null;
  numberSpan: { start: number; end: number } | null;
  place: string | null;
  date: string | null;
  title: string | null;
  titleSpan: { start: number; end: number } | null;
  /** Index of the type-word line ("KẾ HOẠCH"), -1 when there is none. */
  typeLine: number;
  /** First line of the body (after the title). */
  bodyLine: number;
  /** Lines of the header that name the issuing body, in order. */
  issuerLines: string[];
}

// National and organisational mottos printed opposite the issuer: not part of its name.
const MOTTO = /^(?:CỘNG\s+HÒA|CỘNG\s+HOÀ|ĐỘC\s+LẬP|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH|ĐOÀN\s+THANH\s+NIÊN\s+CỘNG\s+SẢN\s+HỒ\s+CHÍ\s+MINH|HỘI\s+LIÊN\s+HIỆP\s+PHỤ\s+NỮ\s+VIỆT\s+NAM|TỔNG\s+LIÊN\s+ĐOÀN\s+LAO\s+ĐỘNG\s+VIỆT\s+NAM)/iu;
const NUMBER_LINE = new RegExp(`(?:^|\\s)(?:Số|SỐ|số)\\s*:?\\s*(${PARTY_NUMBER}|${STATE_NUMBER})`, 'u');
const PLACE_DATE = /(?:^|[\s,])(?:ngày|Ngày)\s+(\d{1,2}|\.{2,}|…+|_+)\s+tháng\s+(\d{1,2}|\.{2,}|…+|_+)\s+năm\s+(\d{4})/u;
const BODY_START = /^\s*(?:Căn\s+cứ|Thực\s+hiện|Để\s|Nhằm\s|Triển\s+khai|Kính\s+gửi|Thi\s+hành|Theo\s|Xét\s|I[.\-–]\s|1[.\-–]\s)/u;

function headingKind(s: string): { kind: DocumentKind; rest: string } | null {
  const t = s.trim();
  for (const [word, kind] of TYPE_HEADINGS) {
    if (t === word) return { kind, rest: '' };
    if (t.startsWith(word + ' ')) {
      const rest = t.slice(word.length).trim();
      // "KẾ HOẠCH Tổ chức ..." carries the title on the same line; "KẾ HOẠCH SỐ ..." does not.
      if (!isUpperLine(rest) && /^\p{L}/u.test(rest)) return { kind, rest };
    }
  }
  return null;
}

/** Place from the words just before ", ngày": "TP. Hồ Chí Minh", "Tuyên Quang", "Phan Rang - Tháp Chàm". */
function placeBefore(s: string): string | null {
  const words = s.replace(/\s+/g, ' ').trim().split(' ');
  const run: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] as string;
    if (/^\p{Lu}\p{Ll}*\.?$/u.test(w) || /^(?:TP|Tp|TX|Tx|TT)\.\p{Lu}?\p{Ll}*$/u.test(w) || /^(?:TP|TX|TT)$/u.test(w) || (w === '-' && run.length > 0)) {
      run.unshift(w);
    } else break;
  }
  while (run[0] === '-') run.shift();
  const p = run.join(' ').trim();
  return p.length > 1 ? p : null;
}

/**
 * Reads the heading block: the "Số ..." line, the place-date line, the type word ("KẾ HOẠCH") and
 * the title lines after it (up to a blank line, a separator or the first body sentence; a
 * following paragraph that starts in lower case still belongs to the title).
 */
export function readHeader(lines: Line[]): Header {
  const limit = Math.min(lines.length, 60);
  let typeLine = -1;
  let kind: DocumentKind | string | null = null;
  let firstTitle = '';
  for (let i = 0; i < limit; i++) {
    const h = headingKind((lines[i] as Line).text);
    if (h) {
      typeLine = i;
      kind = h.kind;
      firstTitle = h.rest;
      break;
    }
  }
  let headerEnd = typeLine;
  if (headerEnd < 0) {
    // Without a type word the heading block ends at the first sentence of running text.
    headerEnd = 0;
    while (headerEnd < Math.min(lines.length, 15)) {
      const t = (lines[headerEnd] as Line).text;
      if (t.trim().length > 120 || BODY_START.test(t)) break;
      headerEnd++;
    }
    if (headerEnd >= Math.min(lines.length, 15)) headerEnd = 0;
  }

  let number: string | null = null;
  let numberSpan: Header['numberSpan'] = null;
  let place: string | null = null;
  let date: string | null = null;
  const issuerLines: string[] = [];
  let vv: string | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i] as Line;
    const t = l.text.trim();
    let used = false;
    const nm = number === null ? NUMBER_LINE.exec(l.text) : null;
    if (nm) {
      number = compactNumber(nm[1] as string);
      const s = l.start + nm.index + nm[0].indexOf(nm[1] as string);
      numberSpan = { start: s, end: s + (nm[1] as string).length };
      used = true;
    }
    const pd = PLACE_DATE.exec(l.text);
    if (pd && date === null) {
      const d = isoDate(Number(pd[3]), Number(pd[2]), Number(pd[1]));
      date = d;
      const before = l.text.slice(0, pd.index).replace(/,\s*$/, '');
      place = placeBefore(nm ? before.replace(nm[0], ' ') : before);
      used = true;
    }
    if (/^V\/v\b/iu.test(t)) {
      vv = t.replace(/^V\/v\.?\s*:?\s*/iu, '');
      used = true;
    }
    if (!used && t && !isSeparator(t) && !MOTTO.test(t) && isUpperLine(t)) issuerLines.push(foldWhitespace(t));
  }

  let title: string | null = null;
  let titleSpan: Header['titleSpan'] = null;
  let bodyLine = typeLine >= 0 ? typeLine + 1 : 0;
  if (typeLine >= 0) {
    const parts: string[] = [];
    let i = typeLine + 1;
    if (firstTitle) {
      parts.push(firstTitle);
      const tl = lines[typeLine] as Line;
      const at = tl.text.indexOf(firstTitle);
      titleSpan = { start: tl.start + at, end: tl.start + at + firstTitle.length };
    } else {
      while (i < lines.length && (lines[i] as Line).text.trim() === '') i++;
    }
    for (; i < lines.length && parts.length < 8; i++) {
      const l = lines[i] as Line;
      const t = l.text.trim();
      if (t === '') {
        // A title paragraph broken by a blank line goes on in lower case.
        let j = i + 1;
        while (j < lines.length && (lines[j] as Line).text.trim() === '') j++;
        const next = lines[j]?.text.trim() ?? '';
        if (parts.length > 0 && /^\p{Ll}/u.test(next) && !/[.:]$/.test(parts[parts.length - 1] as string)) {
          i = j - 1;
          continue;
        }
        break;
      }
      if (isSeparator(t)) {
        i++;
        break;
      }
      if (parts.length > 0 && BODY_START.test(t)) break;
      if (parts.length > 0 && t.length > 200 && /[.:]$/.test(t)) break;
      parts.push(t);
      const sp = trimmedSpan(l);
      titleSpan = titleSpan ? { start: titleSpan.start, end: sp.end } : sp;
    }
    title = parts.length ? foldWhitespace(parts.join(' ')) : null;
    bodyLine = i;
  } else if (vv) {
    kind = kindOfNumber(number ?? '') ?? 'CV';
    title = vv;
    bodyLine = headerEnd;
  }
  if (!kind && number) kind = kindOfNumber(number);
  if (kind && number) kind = kindOfNumber(number) ?? kind;
  return { kind, number, numberSpan, place, date, title, titleSpan, typeLine, bodyLine, issuerLines };
}
