import { readOrgList } from './orgs.ts';
import { lineIndexAt, sectionActor, sentenceBounds } from './context.ts';
import type { Line } from './lines.ts';
import type { ExtractedAssignment, Span } from './types.ts';

const names = (l: { items: Array<{ text: string }> } | null) => (l ? l.items.map((i) => i.text) : []);

function supportAfter(text: string, pos: number, limit: number): string[] {
  const m = /^\s*,?\s*(?:và\s+)?phối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?:với\s+)?/iu.exec(text.slice(pos, limit));
  return m ? names(readOrgList(text, pos + m[0].length)) : [];
}

/**
 * Explicit assignments: "Giao X ...", "Phân công X chủ trì, phối hợp với Y ...", "X chủ trì,
 * phối hợp Y ...", a bullet "Chủ trì, ..." under a section named after X, and the label form
 * "Chủ trì ...: X; Y". "do X chủ trì biên soạn" describes, it does not assign.
 */
export function findAssignments(text: string, lines: Line[], bodyLine: number, bodyStart: number, bodyEnd: number): Array<ExtractedAssignment & { span: Span }> {
  const out: Array<ExtractedAssignment & { span: Span }> = [];
  const body = text.slice(0, bodyEnd);
  const lead = /(?:^|\n|[.;:]\s)[\s\-+·•*]*(?:\d+(?:\.\d+)*[.)\-–]\s*)?/gu;
  lead.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  const seen = new Set<number>();
  while ((m = lead.exec(body)) !== null) {
    const at = m.index + m[0].length;
    if (seen.has(at)) {
      // Step over a whole code point: a `u` regex put inside a surrogate pair backs up to its start.
      lead.lastIndex = at + ((body.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    seen.add(at);
    const rest = body.slice(at, at + 400);
    const sentence = sentenceBounds(body, at);
    // "Chủ trì tổ chức Hội nghị: Cấp ủy chi, đảng bộ cơ sở; đồng chí Bí thư chi bộ (nơi ...)."
    const label = /^Chủ\s+trì[^:\n]{0,60}:\s*([^\n.]+)/u.exec(rest);
    if (label) {
      const items = (label[1] as string).replace(/\([^)]*\)/g, '').split(/;/).map((s) => s.trim()).filter(Boolean);
      if (items.length) out.push({ lead: items, support: [], span: { start: at, end: at + label[0].length } });
      continue;
    }
    const giao = /^(?:Giao|Phân\s+công)\s+(?:cho\s+)?/u.exec(rest);
    if (giao) {
      const leads = readOrgList(body, at + giao[0].length);
      if (!leads || leads.start !== at + giao[0].length || /^[ĐđD]ồng\s+chí/u.test(leads.items[0]?.text ?? '')) continue;
      let p = leads.end;
      const ct = /^\s*(?:làm\s+)?chủ\s+trì/iu.exec(body.slice(p, p + 20));
      if (ct) p += ct[0].length;
      out.push({ lead: names(leads), support: supportAfter(body, p, sentence.end), span: { start: at, end: sentence.end } });
      continue;
    }
    const chuTri = /^Chủ\s+trì(?![\p{L}])/u.exec(rest);
    if (chuTri) {
      const actor = sectionActor(lines, lineIndexAt(lines, at), bodyLine);
      if (actor) out.push({ lead: [actor], support: supportAfter(body, at + chuTri[0].length, sentence.end), span: { start: at, end: sentence.end } });
      continue;
    }
    const subj = readOrgList(body, at);
    if (subj && subj.start === at) {
      const ct = /^\s*(?:làm\s+)?chủ\s+trì(?![\p{L}])(?!\s+(?:biên|soạn|tổ\s+chức\s+hội))/iu.exec(body.slice(subj.end, subj.end + 20));
      if (ct && !/(?:^|\s)do\s*$/iu.test(body.slice(Math.max(0, at - 4), at))) {
        out.push({ lead: names(subj), support: supportAfter(body, subj.end + ct[0].length, sentence.end), span: { start: at, end: sentence.end } });
      }
    }
  }
  return out;
}
