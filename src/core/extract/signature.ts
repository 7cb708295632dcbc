import { foldWhitespace } from '../text/fold.ts';
import { isUpperLine, trimmedSpan, type Line } from './lines.ts';
import type { ExtractedSigner, Span } from './types.ts';

// "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "K/T BÍ THƯ", "TL. GIÁM ĐỐC", "TUQ. ...".
const CAPACITY = /^\s*(?:T\/M|TM\.?|K\/T|KT\.?|TL\.?|TUQ\.?|Q\.|THAY\s+MẶT|KÝ\s+THAY|THỪA\s+LỆNH)\s*\p{Lu}/u;
const SIGN_TITLE = /^\s*(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|THỦ\s+TRƯỞNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CHỦ\s+NHIỆM|TỔNG\s+BIÊN\s+TẬP|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG|CHÁNH\s+THANH\s+TRA|TRƯỞNG\s+ĐOÀN)(?![\p{L}])/u;
const SIGNED_MARK = /^\s*[([]?\s*(?:đã\s+ký|ký\s+tên|ký,?\s+(?:ghi\s+rõ\s+họ\s+tên|đóng\s+dấu)|chữ\s+ký|signed)[^)\]]*[)\]]?\s*$/iu;
const NAME = /^\s*(?:\p{Lu}\p{Ll}*\.?\s+){1,5}\p{Lu}\p{Ll}*\s*$/u;
const BULLET = /^[\s\-+·•–*]+/u;
const NOI_NHAN = /^\s*Nơi\s+nhận\s*:?\s*/iu;

export interface Recipients {
  items: string[];
  spans: Span[];
  /** The block from "Nơi nhận" to its last item. */
  block: Span | null;
  line: number;
}

export interface Signature {
  signer: ExtractedSigner;
  block: Span;
}

function isSignatureLine(t: string): boolean {
  return CAPACITY.test(t) || (SIGN_TITLE.test(t) && isUpperLine(t));
}

/**
 * The "Nơi nhận" list: one item per line, bullets ("-", "·", "+", "•") and a trailing comma or
 * semicolon removed. The list ends at the signature block or an upper-case heading.
 */
export function readRecipients(lines: Line[], fromLine: number): Recipients {
  let at = -1;
  for (let i = lines.length - 1; i >= fromLine; i--) {
    if (NOI_NHAN.test((lines[i] as Line).text)) {
      at = i;
      break;
    }
  }
  if (at < 0) return { items: [], spans: [], block: null, line: -1 };
  const items: string[] = [];
  const spans: Span[] = [];
  const first = lines[at] as Line;
  const head = NOI_NHAN.exec(first.text) as RegExpExecArray;
  const candidates: Array<{ text: string; start: number }> = [];
  if (first.text.slice(head[0].length).trim()) candidates.push({ text: first.text.slice(head[0].length), start: first.start + head[0].length });
  let blanks = 0;
  for (let i = at + 1; i < lines.length && items.length + candidates.length < 40; i++) {
    const l = lines[i] as Line;
    const t = l.text.trim();
    if (!t) {
      if (++blanks >= 8) break;
      continue;
    }
    blanks = 0;
    const bulleted = BULLET.test(l.text) && /^[\s]*[-+·•–*]/u.test(l.text);
    if (!bulleted && (isSignatureLine(t) || isUpperLine(t))) break;
    if (!bulleted && candidates.length > 0 && NAME.test(t) && t.split(/\s+/).length <= 5 && !/[,;.]$/.test(t)) break;
    candidates.push({ text: l.text, start: l.start });
  }
  let blockEnd = first.end;
  for (const c of candidates) {
    const lead = BULLET.exec(c.text)?.[0].length ?? 0;
    const body = c.text.slice(lead);
    const trimmed = body.replace(/[\s,;]+$/u, '');
    const item = foldWhitespace(trimmed);
    if (!item) continue;
    const s = c.start + lead + (body.length - body.trimStart().length);
    items.push(item);
    spans.push({ start: s, end: c.start + lead + trimmed.length });
    blockEnd = c.start + c.text.length;
  }
  return { items, spans, block: { start: first.start, end: blockEnd }, line: at };
}

/**
 * The signature block: capacity lines ("T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN" + "KT. CHỦ TỊCH"),
 * the signer's title ("PHÓ BÍ THƯ") and name. The block nearest the "Nơi nhận" list is taken,
 * else the last one; null when the document has none.
 */
export function readSignature(lines: Line[], fromLine: number, nearLine: number): Signature | null {
  const starts: number[] = [];
  for (let i = fromLine; i < lines.length; i++) {
    const t = (lines[i] as Line).text.trim();
    if (t && t.length < 80 && isUpperLine(t) && isSignatureLine(t) && !(i > 0 && isSignatureLine((lines[i - 1] as Line).text.trim()) && starts.includes(i - 1))) starts.push(i);
  }
  if (starts.length === 0) return null;
  const pick = nearLine >= 0 ? starts.reduce((a, b) => (Math.abs(b - nearLine) < Math.abs(a - nearLine) ? b : a)) : (starts[starts.length - 1] as number);
  const capacity: string[] = [];
  const titles: string[] = [];
  let name: string | null = null;
  let i = pick;
  let end = (lines[pick] as Line).end;
  for (; i < lines.length && i < pick + 14; i++) {
    const l = lines[i] as Line;
    const t = foldWhitespace(l.text);
    if (!t) continue;
    if (CAPACITY.test(t) && titles.length === 0) capacity.push(t);
    else if (isUpperLine(t) && !SIGNED_MARK.test(t) && !name && t.length < 60) titles.push(t);
    else if (SIGNED_MARK.test(t)) continue;
    else if (NAME.test(t)) {
      name = t;
      end = trimmedSpan(l).end;
      break;
    } else break;
    end = trimmedSpan(l).end;
  }
  // Without a separate title line the last capacity line is the title ("KT. CHỦ TỊCH" alone is rare).
  if (titles.length === 0 && capacity.length > 1) titles.push(capacity.pop() as string);
  const start = trimmedSpan(lines[pick] as Line).start;
  return {
    signer: { capacity: capacity.length ? capacity.join(' ') : null, title: titles.length ? titles.join(' ') : null, name },
    block: { start, end },
  };
}
