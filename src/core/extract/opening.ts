import type { Citation } from '../docref/find.ts';
import { KIND_WORD_SOURCE } from '../docref/kinds.ts';
import { foldWhitespace } from '../text/fold.ts';
import type { Line } from './lines.ts';

/** The opening paragraph(s): "Căn cứ ...", "Thực hiện ...", up to the sentence that issues the plan. */
export interface Opening {
  start: number;
  end: number;
}

const OPENER = /^\s*(?:Căn\s+cứ|Thực\s+hiện|Thi\s+hành|Triển\s+khai|Để|Nhằm|Theo|Tiếp\s+tục|Xét)(?![\p{L}])/u;
const ISSUING = new RegExp(
  `(?:xây\\s+dựng\\s+và\\s+ban\\s+hành|thống\\s+nhất\\s+ban\\s+hành|ban\\s+hành|xây\\s+dựng|đề\\s+ra|triển\\s+khai)\\s+(?:${KIND_WORD_SOURCE})`,
  'iu',
);

function text(lines: Line[], end: number): string {
  const l = lines.find((x) => x.end === end);
  return l ? l.text : '';
}

/** Finds the opening paragraphs starting at `bodyLine`; null when the body opens with a heading. */
export function readOpening(lines: Line[], bodyLine: number): Opening | null {
  let i = bodyLine;
  while (i < lines.length && (lines[i] as Line).text.trim() === '') i++;
  if (i >= lines.length || !OPENER.test((lines[i] as Line).text)) return null;
  const start = (lines[i] as Line).start;
  let end = (lines[i] as Line).end;
  for (let k = 0; k < 12 && i < lines.length; k++, i++) {
    const t = (lines[i] as Line).text;
    if (t.trim() === '') continue;
    // A line that goes on a sentence the previous line left open is the same paragraph, wrapped.
    const open = !/[.:;]\s*$/.test(text(lines, end));
    if (k > 0 && !OPENER.test(t) && !ISSUING.test(t) && !open) break;
    end = (lines[i] as Line).end;
    if (ISSUING.test(t) || /như\s+sau\s*:?\s*$/iu.test(t.trim())) break;
  }
  return { start, end };
}

/**
 * The issuing body named by the opening sentence: "..., Ban Thường vụ Đảng ủy Khối ban hành Kế
 * hoạch ...". The name runs back from the verb to the previous comma, semicolon or full stop.
 */
export function issuerFromOpening(text: string, opening: Opening | null): string | null {
  if (!opening) return null;
  // Wrapped lines are one paragraph; a name may run over a line break.
  const para = text.slice(opening.start, opening.end).replace(/\n(?!\s*(?:Căn|Thực))/gu, ' ');
  const re = new RegExp(ISSUING.source, 'giu');
  let best: string | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(para)) !== null) {
    const before = para.slice(0, m.index);
    const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf(':'));
    const cand = foldWhitespace(before.slice(cut + 1)).replace(/^[”"’)\s]+/u, '');
    if (/^\p{Lu}/u.test(cand) && cand.split(' ').length <= 25 && !/^(?:Căn\s+cứ|Thực\s+hiện)(?![\p{L}])/u.test(cand)) best = cand;
  }
  return best;
}

/**
 * The documents the plan says it carries out: the citations at the top level of the opening
 * paragraphs. A citation inside another one's description ("Kế hoạch số 45 ... về thực hiện Kết
 * luận số 21") is not carried out by this plan, unless the plan says so itself ("... ban hành
 * kế hoạch ... thực hiện Kết luận số 21").
 */
export function implementsFromOpening(text: string, opening: Opening | null, citations: Citation[]): Citation[] {
  if (!opening) return [];
  const inside = citations.filter((c) => c.start >= opening.start && c.start < opening.end);
  const out: Citation[] = [];
  let prevEnd = opening.start;
  let prevTop = true;
  for (const c of inside) {
    const gap = text.slice(prevEnd, c.start);
    let top: boolean;
    if (c === inside[0]) top = true;
    else if (ISSUING.test(gap)) top = true;
    else if (/[;\n]/.test(gap)) top = true;
    else if (/(?:thực\s+hiện|triển\s+khai|theo|căn\s+cứ|về\s+việc|về)\s*$/iu.test(gap.trimEnd())) top = false;
    else if (/(?:,|và)\s*$/iu.test(gap.trimEnd())) top = prevTop;
    else top = false;
    if (top && !c.bare) out.push(c);
    prevEnd = c.end;
    prevTop = top;
  }
  return out;
}
