import { canonicalDue } from '../deadline/types.ts';
import { compactNumber } from '../docref/number.ts';
import { foldWhitespace } from '../text/fold.ts';
import type { Extraction, ExtractionSpans, Span } from './types.ts';

/**
 * Where each item of an edited structure stands in the text, index for index with its lists;
 * null where an item has no place (a person added it, or changed it beyond recognition).
 */
export interface AlignedSpans {
  deadlines: (Span | null)[];
  references: Span[][];
  implements: (Span | null)[];
  assignments: (Span | null)[];
  reports: (Span | null)[];
  recipients: (Span | null)[];
  number: Span | null;
  title: Span | null;
  signer: Span | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `needle` stands in `text` from `from` on, whitespace runs matching any whitespace; null if absent. */
export function lookupLoose(text: string, needle: string, from = 0): Span | null {
  const words = foldWhitespace(needle).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const re = new RegExp(words.map(escapeRe).join('\\s+'), 'gu');
  re.lastIndex = Math.max(0, Math.min(from, text.length));
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** A number printed with optional spaces around its signs ("60 -KH/ĐUK"). */
function lookupNumber(text: string, num: string, from = 0): Span | null {
  const compact = compactNumber(num);
  if (!compact) return null;
  const re = new RegExp([...compact].map(escapeRe).join('\\s{0,2}'), 'giu');
  re.lastIndex = Math.max(0, Math.min(from, text.length));
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * Pairs each edited item with an unused proposed item of the same key (in order), taking its
 * span; items without a partner get `fallback`'s answer.
 */
function pair<T, S>(
  items: readonly T[],
  proposed: readonly T[],
  proposedSpans: readonly (S | undefined)[],
  key: (x: T) => string,
  fallback: (x: T, previous: S | null, index: number) => S | null,
): (S | null)[] {
  const queues = new Map<string, number[]>();
  proposed.forEach((p, j) => {
    const k = key(p);
    const q = queues.get(k);
    if (q) q.push(j);
    else queues.set(k, [j]);
  });
  const out: (S | null)[] = [];
  let previous: S | null = null;
  for (const [i, item] of items.entries()) {
    const j = queues.get(key(item))?.shift();
    const span: S | null = j !== undefined ? (proposedSpans[j] ?? null) : fallback(item, previous, i);
    out.push(span);
    if (span) previous = span;
  }
  return out;
}

const endOf = (s: Span | null) => s?.end ?? 0;

/**
 * The spans of an edited structure in `text`, given what the extractor proposed for the same
 * text and where. Items the person left as proposed keep their spans; edited ones are looked
 * up by their text; the places of the number, title and signature stay where the extractor
 * found them. Pure and total.
 */
export function alignSpans(text: string, structure: Extraction, proposed: { extraction: Extraction; spans: ExtractionSpans }): AlignedSpans {
  const p = proposed.extraction;
  const ps = proposed.spans;
  const refKey = (r: { kind: string; number: string }) => `${r.kind}|${compactNumber(r.number).toUpperCase()}`;
  const refSpans = new Map(p.references.map((r, i) => [refKey(r), ps.references[i] ?? []] as const));
  return {
    deadlines: pair(
      structure.deadlines,
      p.deadlines,
      ps.deadlines,
      (d) => foldWhitespace(d.text),
      (d, prev) => lookupLoose(text, d.text, endOf(prev)) ?? lookupLoose(text, d.text),
    ),
    references: structure.references.map((r) => {
      const known = refSpans.get(refKey(r));
      if (known && known.length > 0) return known;
      const found: Span[] = [];
      let s = lookupNumber(text, r.number);
      while (s && found.length < 50) {
        found.push(s);
        s = lookupNumber(text, r.number, s.end);
      }
      return found;
    }),
    implements: pair(structure.implements, p.implements, ps.implements, refKey, (r) => lookupNumber(text, r.number)),
    assignments: pair(
      structure.assignments,
      p.assignments,
      ps.assignments,
      (a) => JSON.stringify([a.lead, a.support]),
      (a) => (a.lead[0] ? lookupLoose(text, a.lead[0]) : null),
    ),
    reports: pair(
      structure.reports,
      p.reports,
      ps.reports,
      (r) => JSON.stringify([r.from, r.to, r.via, r.due.map(canonicalDue)]),
      // An edited report keeps the place of the proposed one at its index when they still share
      // the addressee or the deadlines.
      (r, _prev, i) => {
        const q = p.reports[i];
        const sameDue = (a: unknown[], b: unknown[]) => JSON.stringify(a.map(canonicalDue)) === JSON.stringify(b.map(canonicalDue));
        return q && (foldWhitespace(q.to) === foldWhitespace(r.to) || (r.due.length > 0 && sameDue(q.due, r.due))) ? (ps.reports[i] ?? null) : null;
      },
    ),
    recipients: pair(structure.recipients, p.recipients, ps.recipients, (r) => foldWhitespace(r), (r, prev) => lookupLoose(text, r, endOf(prev))),
    number: ps.number,
    title: ps.title,
    signer: ps.signer,
  };
}
