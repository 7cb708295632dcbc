import { canonicalDue } from '../deadline/types.ts';
import type { PlanDraftObligation } from '../extract/plan-draft.ts';
import { cut, OBLIGATION_TITLE_MAX } from '../extract/plan-draft.ts';
import type { UnitNameIndex } from '../org-tree/match-unit-names.ts';
import { proposeUnitsForText, sideOfName, splitUnitNames } from '../org-tree/match-unit-names.ts';
import { foldForSearch, foldWhitespace } from '../text/fold.ts';
import type { Audience } from './audience.ts';
import { audienceKey } from './audience.ts';

/** A report obligation of a plan drafted from a document, with who owes it. */
export interface OwnedObligation extends PlanDraftObligation {
  /**
   * `self` when the plan's unit owes it to a body above it or outside it ("báo cáo … với Ban
   * Thường vụ Tỉnh ủy"); the units the document names as sending it when they are units below
   * the plan's unit, named exactly ("Ban Tuyên giáo Đảng ủy Khối báo cáo Ban Thường vụ"); else
   * the plan's grassroots organisations and cells.
   */
  audience: Audience;
}

const GRASSROOTS: Audience = { scope: 'grassroots' };

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const fallbackTitle = (to: string | null) => cut(foldWhitespace(`Báo cáo gửi ${to ?? ''}`), OBLIGATION_TITLE_MAX);
const DEADLINE_WORDS = /,?\s+(?:vào|trước|trong|chậm\s+nhất|hoàn\s+thành|định\s+kỳ|hằng|hàng|theo\s+quy\s+định)(?![\p{L}])[\s\S]*$/u;
const trimEnd = (s: string) => foldWhitespace(s.replace(DEADLINE_WORDS, '')).replace(/[\s,:]+$/u, '');

/** "kết quả" alone says too little: of carrying out the plan. */
function ofResults(what: string): string {
  if (/(?:^|\s)kết\s+quả$/u.test(what)) return `${what} thực hiện kế hoạch`;
  if (/(?:^|\s)kết\s+quả\s+thực\s+hiện$/u.test(what)) return `${what} kế hoạch`;
  return what;
}

/**
 * What is sent, when the words that ask for the report say only to whom: "… phải có kế hoạch cụ
 * thể về thời gian, địa điểm gửi Ban Thường vụ …" sends "Kế hoạch cụ thể về thời gian, địa điểm";
 * "tổng hợp kết quả báo cáo Ban Thường vụ …" sends "Báo cáo tổng hợp kết quả thực hiện kế hoạch";
 * "báo cáo kịp thời với … về kết quả triển khai …" and "gửi báo cáo kết quả thực hiện về …" send
 * a report of those results; "báo cáo Đảng ủy Khối kết quả thực hiện" too.
 */
function whatIsSent(text: string, o: PlanDraftObligation): string | null {
  if (o.sourceStart === null || o.sourceEnd === null || o.sourceStart > text.length) return null;
  const end = Math.min(o.sourceEnd, text.length);
  const source = text.slice(o.sourceStart, end).replace(/\*+/g, '');
  const about = /(?:^|\s)về\s+((?:kết\s+quả|tình\s+hình)\s[^.;()]+)/u.exec(source);
  if (about?.[1]) {
    const what = trimEnd(about[1]);
    if (what.split(' ').length >= 3) return `Báo cáo ${what}`;
  }
  const sent = /^gửi\s+báo\s+cáo\s+((?:kết\s+quả|tình\s+hình)[^.;()]*?)\s+(?:về|với|lên|cho|tới|đến)\s/u.exec(source);
  if (sent?.[1]) return `Báo cáo ${ofResults(trimEnd(sent[1]))}`;
  const after = /^\s*((?:kết\s+quả|tình\s+hình)\s[^.;()]*)/u.exec(text.slice(end, end + 200).replace(/\*+/g, ''));
  if (after?.[1]) return `Báo cáo ${ofResults(trimEnd(after[1]))}`;
  const before = text.slice(Math.max(0, o.sourceStart - 300), o.sourceStart).replace(/\*+/g, '');
  const clause = foldWhitespace(before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf('\n')) + 1));
  const folded = foldForSearch(clause);
  // Folding keeps one letter for one letter, so a place in the folded clause is the same in the clause.
  if (folded.length !== clause.length) return null;
  const plan = /(?:^|\s)(ke hoach (?!nay|so|cua)\S+)/gu;
  let planAt = -1;
  for (let m = plan.exec(folded); m; m = plan.exec(folded)) planAt = m.index + m[0].length - (m[1] as string).length;
  const results = folded.lastIndexOf('ket qua');
  if (planAt === -1 && results === -1) return null;
  if (planAt > results) {
    const what = trimEnd(clause.slice(planAt));
    return what.split(' ').length >= 3 ? upperFirst(what) : null;
  }
  const start = folded.slice(0, results).endsWith('tong hop ') ? results - 'tong hop '.length : results;
  return `Báo cáo ${ofResults(trimEnd(clause.slice(start)))}`;
}

/** The title the draft gave, or a better one when it said only to whom or too little ("Báo cáo kịp thời"). */
function titleOf(text: string, o: PlanDraftObligation, to: string | null): string {
  const rest = foldForSearch(o.title).replace(/^bao cao\s*/u, '');
  const generic = o.title === fallbackTitle(o.toText) || (rest.split(' ').length <= 2 && !/\b(?:ket qua|tinh hinh)\b/u.test(rest));
  if (!generic) return o.title;
  const what = whatIsSent(text, o);
  return what ? cut(what, OBLIGATION_TITLE_MAX) : fallbackTitle(to);
}

const dueKey = (o: PlanDraftObligation) => o.due.map((d) => canonicalDue(d)).sort().join('|');

/**
 * Decides who owes each report obligation of a plan drafted from a document, and keeps one of
 * each. The plan's unit owes a report whose recipients include a body above or outside it
 * ("Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"): that report goes to those bodies only and
 * its audience is the plan's unit itself (ADR 014: its receiver is the parent). A report to the
 * plan's unit or a unit below it is its audience's: the units the document names as sending it
 * when each is named exactly and stands below the plan's unit, else the grassroots. Obligations
 * with the same audience, recipient, channel and deadlines are one (the first kept). A title that
 * said only to whom names what is sent, and the recipient it now has.
 *
 * Pure; the index is the tree around the plan's unit (core/org-tree/match-unit-names.ts).
 */
export function assignDraftObligations(text: string, obligations: readonly PlanDraftObligation[], index: UnitNameIndex): OwnedObligation[] {
  const out: OwnedObligation[] = [];
  const seen = new Set<string>();
  for (const o of obligations) {
    const recipients = o.toText ? splitUnitNames(o.toText) : [];
    const outside = recipients.filter((r) => sideOfName(r, index).side === 'outside');
    let audience: Audience = GRASSROOTS;
    let toText = o.toText;
    if (outside.length > 0) {
      audience = { scope: 'self' };
      toText = outside.join(', ');
    } else if (o.fromText) {
      const from = proposeUnitsForText(o.fromText, index);
      const senders = from.selected.map((id) => from.matches.find((m) => m.unitId === id));
      if (from.exact && senders.length > 0 && senders.every((m) => m?.relation === 'below' && !m.committee)) {
        audience = { scope: 'units', unitIds: from.selected };
      }
    }
    const key = [audienceKey(audience), foldForSearch(toText ?? ''), foldForSearch(o.viaText ?? ''), dueKey(o)].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...o, ord: out.length + 1, toText, title: titleOf(text, o, toText), audience });
  }
  return out;
}
