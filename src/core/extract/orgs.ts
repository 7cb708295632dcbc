/**
 * Reading the name of a body ("Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
 * "cấp có thẩm quyền", "UBKT Đảng uỷ") at a position in running text. A name starts with a head
 * noun of an organisation and goes on over capitalised words and the lower-case words that occur
 * inside body names; it stops at the first other word (a verb, "về", "qua", "trước", ...).
 */

const HEAD =
  /^(?:(?:các|Các|những)\s+)?(?:Ban|ban|Ủy\s+ban|Uỷ\s+ban|ủy\s+ban|UB\p{Lu}*|MTTQ\p{L}*|Mặt\s+trận|Văn\s+phòng|văn\s+phòng|Đảng\s+[ủu]ỷ?y?|đảng\s+[ủu]ỷ?y?|Đảng\s+bộ|đảng\s+bộ|Đảng\s+đoàn|Tỉnh\s+[ủu]ỷ?y?|Thành\s+[ủu]ỷ?y?|Huyện\s+[ủu]ỷ?y?|Thị\s+[ủu]ỷ?y?|Quận\s+[ủu]ỷ?y?|Thường\s+trực|Thường\s+vụ|Sở|sở|Bộ(?!\s+Chính)|Phòng|phòng|Hội\s+đồng|HĐND|Chi\s+bộ|chi\s+bộ|chi(?=,)|Chi\s+[ủu]ỷ?y?|chi\s+[ủu]ỷ?y?|[Cc]ấp\s+[ủu]ỷ?y?|[Cc]ấp\s+trên|[Cc]ấp\s+có\s+thẩm\s+quyền|Thành\s+đoàn|Tỉnh\s+đoàn|Huyện\s+đoàn|Đoàn|đoàn\s+thể|Công\s+đoàn|Hội|BCH|BTV|BTG|BTC|Chủ\s+tịch|Giám\s+đốc|Thủ\s+tướng|Chính\s+phủ|Cục|Chi\s+cục|Trung\s+tâm|Công\s+an|Bộ\s+Chỉ\s+huy|Tổ\s+công\s+tác|tổ\s+chức|cơ\s+quan|đơn\s+vị|địa\s+phương|Cơ\s+sở|cơ\s+sở|Ban\s+Chỉ\s+đạo|Bí\s+thư|bí\s+thư|[Đđ]ồng\s+chí|Đ\/c|đ\/c|ngành)(?![\p{L}])/u;

// Lower-case words that occur inside names of bodies.
const INNER = new Set(
  ('các cơ quan và doanh nghiệp tỉnh huyện xã phường quận thị trấn thành phố trực thuộc sở cấp nhân dân liên ' +
    'xây dựng đoàn thể chính trị hội có thẩm quyền đảng bộ chi ủy uỷ khối ban ngành đơn vị địa phương trung ương ' +
    'mặt trận quốc kiểm tra tuyên giáo văn phòng chấp hành cơ sở của dân vận nội chính').split(' '),
);
// Words a name never ends with.
const NO_END = new Set(['dựng', 'và', 'các', 'có', 'của', 'cấp', 'tổ', 'thị', 'thành', 'liên', 'xây', 'chính', 'mặt', 'kiểm', 'tuyên', 'văn', 'chấp', 'nội', 'dân', 'trực', 'cơ', 'doanh', 'đơn', 'địa', 'trung', 'thẩm']);
const PAIRS_AFTER: Record<string, RegExp> = {
  thường: /^(?:vụ|trực)$/u,
  tổ: /^(?:chức|quốc)$/u,
};

export interface OrgPhrase {
  text: string;
  start: number;
  end: number;
}

/** Reads a body's name starting at `pos` (leading spaces skipped); null when none starts there. */
export function readOrg(text: string, pos: number): OrgPhrase | null {
  let start = pos;
  while (start < text.length && /[ \t]/.test(text[start] as string)) start++;
  const rest = text.slice(start, start + 300);
  const h = HEAD.exec(rest);
  if (!h) return null;
  if (/^\s*viên(?![\p{L}])/u.test(rest.slice(h[0].length))) return null;
  const words: Array<{ w: string; end: number }> = [];
  const re = /\s*([\p{L}\d/.]+|[-–])/gu;
  re.lastIndex = h[0].length;
  let end = h[0].length;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rest)) !== null) {
    if (m.index !== end) break;
    const w = m[1] as string;
    const bare = w.replace(/\.$/, '');
    // "Văn phòng và các tổ chức đoàn thể": "và" before another body's name separates a list.
    if (bare === 'và' && HEAD.test(rest.slice(re.lastIndex).trimStart())) break;
    const prev = words.length ? (words[words.length - 1] as { w: string }).w.toLowerCase() : '';
    // "các ban xây dựng Đảng" names a body; "ngành xây dựng Đề án" is a verb phrase after one.
    if (bare === 'xây' && !/^\s*dựng\s+Đảng/u.test(rest.slice(re.lastIndex))) break;
    const ok =
      /^\p{Lu}/u.test(bare) ||
      (/^[-–]$/.test(w) && /^\s*[-–]\s*\p{L}/u.test(rest.slice(m.index))) ||
      (INNER.has(bare) && !(prev === 'của' && !/^\p{Lu}/u.test(bare))) ||
      (PAIRS_AFTER[bare] !== undefined && !(bare === 'tổ' && !['các', 'những'].includes(prev) && /^\s*chức/u.test(rest.slice(re.lastIndex))) &&
        PAIRS_AFTER[bare].test(/\s*([\p{L}]+)/u.exec(rest.slice(re.lastIndex))?.[1] ?? '')) ||
      (prev in PAIRS_AFTER && PAIRS_AFTER[prev]!.test(bare) && (words.length < 2 || prev !== 'tổ' || bare !== 'chức' || ['các', 'những'].includes((words[words.length - 2] as { w: string }).w.toLowerCase()))) ||
      // "Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư": a lower-case syllable inside a capitalised pair.
      (/^\p{Ll}+$/u.test(bare) && /^\p{Lu}/u.test(words[words.length - 1]?.w ?? '') && /^\s+và\s+\p{Lu}/u.test(rest.slice(re.lastIndex))) ||
      (/^\p{Ll}+$/u.test(bare) && /^\p{Lu}/u.test(words[words.length - 1]?.w ?? '') && words.length >= 3 && words[words.length - 2]?.w === 'và');
    if (!ok || w.endsWith('.') && !/^(?:TP|TX|TT)\.$/u.test(w)) {
      if (ok && w.endsWith('.')) words.push({ w: bare, end: m.index + m[0].length - 1 });
      break;
    }
    words.push({ w: bare, end: m.index + m[0].length });
    end = m.index + m[0].length;
  }
  // Trim words a name cannot end with ("... Đoàn Khối và" before "lồng ghép").
  while (words.length && (NO_END.has((words[words.length - 1] as { w: string }).w) || /^[-–]$/.test((words[words.length - 1] as { w: string }).w))) words.pop();
  const stop = words.length ? (words[words.length - 1] as { end: number }).end : h[0].length;
  const textOut = rest.slice(0, stop).replace(/\s+/g, ' ').trim();
  return { text: textOut, start, end: start + stop };
}

/**
 * Bare lower-case kinds of bodies that, after a comma, continue a collective name rather than
 * start a new body: "các sở, ban, ngành", "các huyện, thị xã, thành phố", "các cơ quan, đơn vị".
 */
const COLLECTIVE_TAIL = /^(?:ban|ngành|sở|đơn\s+vị|cơ\s+quan|địa\s+phương|đoàn\s+thể|doanh\s+nghiệp|huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn|hội|tổ\s+chức)$/u;

/** Reads "X, Y và Z" where each is a body's name. */
export function readOrgList(text: string, pos: number): { items: OrgPhrase[]; start: number; end: number } | null {
  const first = readOrg(text, pos);
  if (!first) return null;
  const items = [first];
  let end = first.end;
  for (;;) {
    const sep = /^\s*(?:,\s*và|,|và|;)\s+/u.exec(text.slice(end, end + 8));
    if (!sep) break;
    const nextStart = end + sep[0].length;
    const words2 = /^([\p{Ll}]+)(\s+[\p{Ll}]+)?(?![\p{L}])/u.exec(text.slice(nextStart, nextStart + 30));
    const tail = words2 ? [words2[0], words2[1] as string].find((w) => COLLECTIVE_TAIL.test(w)) : undefined;
    const prev = items[items.length - 1] as OrgPhrase;
    if (tail && /(?:^|\s)(?:các|Các|những)\s/u.test(prev.text) && !sep[0].includes(";")) {
      items[items.length - 1] = { text: `${prev.text}${text.slice(prev.end, nextStart).replace(/\s+/g, ' ')}${tail}`, start: prev.start, end: nextStart + tail.length };
      end = nextStart + tail.length;
      continue;
    }
    const next = readOrg(text, nextStart);
    if (!next || next.text.length < 2) break;
    items.push(next);
    end = next.end;
  }
  return { items, start: first.start, end };
}
