import { tokenF1 } from '../text/tokens.ts';
import { canonicalDue, type Due } from '../deadline/types.ts';
import type { DeadlineHit } from '../deadline/find.ts';
import { readOrg, readOrgList } from './orgs.ts';
import { clauseBounds, lineIndexAt, sectionActor, sentenceBounds } from './context.ts';
import type { Line } from './lines.ts';
import type { ExtractedReport, Span } from './types.ts';

const VERB = /(?<![\p{L}])(gửi\s+báo\s+cáo|báo\s+cáo|gửi)(?![\p{L}])(?!\s+viên)/giu;
const PREP = /(?:^|[\s,(])(với|về|lên|cho|tới|đến)\s+/giu;
const CONDITIONAL = /(?:^|\s)(?:nếu|trường\s+hợp)\s/iu;

interface Found extends ExtractedReport {
  span: Span;
  verb: string;
  sentence: Span;
}

function addressee(text: string, verbEnd: number, limit: number): { to: string; end: number } | null {
  const skip = /^\s*(?:kịp\s+thời|bằng\s+văn\s+bản|ngay|về)?\s*/iu.exec(text.slice(verbEnd))?.[0].length ?? 0;
  const direct = readOrgList(text, verbEnd + skip);
  if (direct && direct.start <= verbEnd + skip + 1 && direct.end <= limit) return { to: text.slice(direct.start, direct.end), end: direct.end };
  PREP.lastIndex = verbEnd;
  let m: RegExpExecArray | null;
  while ((m = PREP.exec(text)) !== null && m.index < Math.min(limit, verbEnd + 220)) {
    const at = m.index + m[0].length;
    // "như đối với X" compares, it does not address.
    if (/đối\s*$/iu.test(text.slice(Math.max(0, m.index - 5), m.index + 1))) continue;
    const org = readOrgList(text, at);
    if (org && org.start === at && org.end <= limit) return { to: text.slice(org.start, org.end), end: org.end };
  }
  return null;
}

function duesFor(hits: DeadlineHit[], from: number, clause: { start: number; end: number }): Due[] {
  const after = hits.filter((h) => h.start >= from && h.start < clause.end);
  if (after.length) return after.map((h) => h.due);
  const before = hits.filter((h) => h.end <= from && h.start >= clause.start);
  return before.length ? [(before[before.length - 1] as DeadlineHit).due] : [];
}

/**
 * Obligations to report: "báo cáo X", "báo cáo ... với/về X (qua Y) trước ngày ...", "gửi X ...".
 * The addressee must be a body; conditional reporting ("nếu có vấn đề phát sinh ... báo cáo") is
 * not an obligation. A following "; kết quả ... trước ngày ..." clause is a further obligation to
 * the same addressee, and "thời gian ... như đối với X" repeats X's deadlines.
 */
export function findReports(text: string, lines: Line[], bodyLine: number, bodyStart: number, bodyEnd: number, hits: DeadlineHit[]): Array<ExtractedReport & { span: Span }> {
  const out: Found[] = [];
  VERB.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = VERB.exec(text)) !== null && m.index < bodyEnd) {
    const vs = m.index;
    const ve = vs + m[0].length;
    const sentence = sentenceBounds(text, vs);
    const clause = clauseBounds(text, vs);
    if (CONDITIONAL.test(text.slice(sentence.start, vs))) continue;
    const isSend = (m[1] as string).toLowerCase() === 'gửi';
    if (isSend && !readOrg(text, ve)) continue;
    const addr = addressee(text, ve, sentence.end);
    if (!addr) continue;
    if (out.some((r) => r.span.start <= vs && vs < r.span.end)) continue;
    const viaM = /^\s*\(?\s*qua\s+/iu.exec(text.slice(addr.end, addr.end + 12));
    const via = viaM ? readOrg(text, addr.end + viaM[0].length) : null;
    const viaText = via ? via.text : null;
    const end = via ? via.end : addr.end;
    const from = fromOf(text, lines, bodyLine, sentence, vs);
    const due = duesFor(hits, vs, clause);
    out.push({ from, to: addr.to.replace(/\s+/g, ' ').trim(), via: viaText, due, span: { start: vs, end: Math.max(end, ...hits.filter((h) => h.start >= vs && h.start < clause.end).map((h) => h.end)) }, verb: m[1] as string, sentence });
    // Further clauses of the same sentence carrying their own deadlines: "...; kết quả ... trước ngày 30/5/2022".
    let c = clause.end;
    while (c < sentence.end && text[c] === ';') {
      const next = clauseBounds(text, c + 1);
      const body = text.slice(next.start, next.end);
      const own = hits.filter((h) => h.start >= next.start && h.start < next.end);
      if (own.length === 0 || /(?:báo\s+cáo|gửi)(?!\s+viên)/iu.test(body)) break;
      out.push({ from, to: addr.to, via: viaText, due: own.map((h) => h.due), span: { start: next.start, end: next.end }, verb: m[1] as string, sentence });
      c = next.end;
    }
    // "thời gian gửi báo cáo như đối với các chi, đảng bộ cơ sở": the same deadlines as theirs.
    const like = /như\s+(?:đối\s+với|của)\s+([^.;]+)/iu.exec(text.slice(vs, sentence.end));
    const last = out[out.length - 1] as Found;
    if (like && last.due.length === 0) {
      const who = like[1] as string;
      const models = out.filter((r) => r !== last && r.from && tokenF1(r.from, who) >= 0.6 && r.due.length > 0 && /báo\s+cáo/iu.test(r.verb));
      const seen = new Set<string>();
      const lists = models.map((r) => r.due).filter((d) => !seen.has(canonicalDue(d)) && seen.add(canonicalDue(d)));
      if (lists.length) {
        out.pop();
        for (const d of lists) out.push({ ...last, due: d });
      }
    }
    VERB.lastIndex = Math.max(VERB.lastIndex, end);
  }
  return out.map(({ from, to, via, due, span }) => ({ from, to, via, due, span }));
}

function fromOf(text: string, lines: Line[], bodyLine: number, sentence: Span, verbStart: number): string | null {
  const of = /^\s*của\s+/iu.exec(text.slice(verbStart).replace(/^(?:gửi\s+)?báo\s+cáo/iu, ''));
  if (of) {
    const at = verbStart + (/^(?:gửi\s+)?báo\s+cáo/iu.exec(text.slice(verbStart))?.[0].length ?? 0) + of[0].length;
    const org = readOrg(text, at);
    if (org) return org.text;
  }
  const lead = /^[\s\-+·•*\d.)–]*(?:(?:Giao|Phân\s+công|Đồng\s+thời,?)\s+)?/u.exec(text.slice(sentence.start))?.[0].length ?? 0;
  const subj = readOrgList(text, sentence.start + lead);
  if (subj && subj.start === sentence.start + lead && subj.end <= verbStart) return text.slice(subj.start, subj.end);
  // The subject of the paragraph's first sentence ("Các chi bộ ... căn cứ ...; đồng thời, ... báo cáo").
  const line = lines[lineIndexAt(lines, verbStart)] as Line;
  const pl = /^[\s\-+·•*\d.)–]*/u.exec(line.text)?.[0].length ?? 0;
  const ps = readOrgList(text, line.start + pl);
  if (ps && ps.start === line.start + pl && ps.end < verbStart && !/^\s*:/.test(text.slice(ps.end, ps.end + 3))) return text.slice(ps.start, ps.end);
  return sectionActor(lines, lineIndexAt(lines, verbStart), bodyLine);
}
