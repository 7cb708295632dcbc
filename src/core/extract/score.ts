import { canonicalDue, type Due } from '../deadline/types.ts';
import { normalizeForCompare } from '../text/fold.ts';
import { tokenF1 } from '../text/tokens.ts';
import type { Extraction, ExtractedRef } from './types.ts';

/** True/false positives and false negatives of one list field. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export const SCALAR_FIELDS = ['kind', 'number', 'issuer', 'place', 'date', 'title', 'signer.name', 'signer.title'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export const LIST_FIELDS = ['implements', 'references', 'deadlines', 'reports', 'assignments', 'recipients'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
/** The fields whose counts make up the overall micro-F1. */
export const OVERALL_FIELDS: readonly ListField[] = ['deadlines', 'references', 'reports', 'assignments', 'recipients'];

export interface DocScore {
  doc: string;
  scalars: Record<ScalarField, boolean>;
  lists: Record<ListField, Counts>;
  /** Deadlines whose spans overlap, whatever their due, and how many of those have the same due. */
  deadlineOverlap: { matched: number; dueCorrect: number };
  mismatches: string[];
}

export interface Score {
  docs: DocScore[];
  fields: Record<ListField, Prf>;
  scalarAccuracy: Record<ScalarField, number>;
  dueCorrect: number;
  overall: Prf;
}

/** P, R and F1 from counts; an empty side scores 1 (nothing to find, nothing wrongly found). */
export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

const norm = (s: string | null | undefined) => (s == null ? null : normalizeForCompare(s));

function scalarOf(x: Extraction, f: ScalarField): string | null {
  if (f === 'signer.name') return x.signer?.name ?? null;
  if (f === 'signer.title') return x.signer?.title ?? null;
  return x[f];
}

function scalarOk(f: ScalarField, a: string | null, b: string | null): boolean {
  if (f === 'title' || f === 'issuer') {
    if (a === null || b === null) return a === b;
    return tokenF1(a, b) >= 0.8;
  }
  return norm(a) === norm(b);
}

/** Greedy one-to-one matching: each gold item takes the first unmatched predicted item that fits. */
function match<P, G>(pred: P[], gold: G[], fits: (p: P, g: G) => boolean): Array<[number, number]> {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  gold.forEach((g, gi) => {
    const pi = pred.findIndex((p, i) => !used.has(i) && fits(p, g));
    if (pi >= 0) {
      used.add(pi);
      pairs.push([pi, gi]);
    }
  });
  return pairs;
}

const countsOf = (pairs: number, pred: number, gold: number): Counts => ({ tp: pairs, fp: pred - pairs, fn: gold - pairs });

function refKey(r: ExtractedRef): string {
  return `${norm(r.kind)}|${(norm(r.number) ?? '').replace(/\s+/g, '').toUpperCase()}`;
}

function refsFit(p: ExtractedRef, g: ExtractedRef): boolean {
  return refKey(p) === refKey(g) && (p.date === null || g.date === null || p.date === g.date);
}

/**
 * Places each item's text in the document, in order: the k-th item is looked for from where the
 * previous one started, so repeated texts ("thường xuyên") land on successive occurrences.
 */
export function locate(texts: string[], doc: string): Array<{ start: number; end: number } | null> {
  let from = 0;
  return texts.map((t) => {
    const at = t ? doc.indexOf(t, from) : -1;
    if (at < 0) return null;
    from = at + 1;
    return { start: at, end: at + t.length };
  });
}

function overlaps(a: { start: number; end: number } | null, b: { start: number; end: number } | null, ta: string, tb: string): boolean {
  if (a && b) return a.start < b.end && b.start < a.end;
  const x = normalizeForCompare(ta);
  const y = normalizeForCompare(tb);
  return x.includes(y) || y.includes(x);
}

const dueEq = (a: Due | undefined, b: Due | undefined) => canonicalDue(a) === canonicalDue(b);

/**
 * Scores one extraction against its gold answer (extraction/SCHEMA.md "Scoring"). `docText`, when
 * given, places deadline texts in the document so that overlap is judged on real spans; without it
 * two deadline texts overlap when one contains the other.
 */
export function scoreDocument(pred: Extraction, gold: Extraction, docText?: string): DocScore {
  const mismatches: string[] = [];
  const scalars = {} as Record<ScalarField, boolean>;
  for (const f of SCALAR_FIELDS) {
    const a = scalarOf(pred, f);
    const b = scalarOf(gold, f);
    scalars[f] = scalarOk(f, a, b);
    if (!scalars[f]) mismatches.push(`${f}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  }
  const lists = {} as Record<ListField, Counts>;
  const listCounts = <P, G>(field: ListField, p: P[], g: G[], fits: (p: P, g: G) => boolean, show: (x: P | G) => string) => {
    const pairs = match(p, g, fits);
    lists[field] = countsOf(pairs.length, p.length, g.length);
    const mp = new Set(pairs.map(([i]) => i));
    const mg = new Set(pairs.map(([, j]) => j));
    p.forEach((x, i) => mp.has(i) || mismatches.push(`${field} extra: ${show(x)}`));
    g.forEach((x, j) => mg.has(j) || mismatches.push(`${field} missing: ${show(x)}`));
  };
  listCounts('implements', pred.implements, gold.implements, refsFit, (r) => JSON.stringify(r));
  listCounts('references', pred.references, gold.references, refsFit, (r) => JSON.stringify(r));

  const pSpans = docText ? locate(pred.deadlines.map((d) => d.text), docText) : pred.deadlines.map(() => null);
  const gSpans = docText ? locate(gold.deadlines.map((d) => d.text), docText) : gold.deadlines.map(() => null);
  const pd = pred.deadlines.map((d, i) => ({ d, s: pSpans[i] ?? null }));
  const gd = gold.deadlines.map((d, i) => ({ d, s: gSpans[i] ?? null }));
  const ov = (p: (typeof pd)[number], g: (typeof gd)[number]) => overlaps(p.s, g.s, p.d.text, g.d.text);
  listCounts('deadlines', pd, gd, (p, g) => ov(p, g) && dueEq(p.d.due, g.d.due), (x) => `${JSON.stringify(x.d.text)} ${JSON.stringify(x.d.due)}`);
  const overlapPairs = match(pd, gd, ov);
  const deadlineOverlap = {
    matched: overlapPairs.length,
    dueCorrect: overlapPairs.filter(([i, j]) => dueEq(pd[i]?.d.due, gd[j]?.d.due)).length,
  };

  listCounts(
    'reports',
    pred.reports,
    gold.reports,
    (p, g) => canonicalDue(p.due) === canonicalDue(g.due) && tokenF1(p.to, g.to) >= 0.6,
    (r) => JSON.stringify(r),
  );
  listCounts('assignments', pred.assignments, gold.assignments, (p, g) => tokenF1(p.lead.join(' '), g.lead.join(' ')) >= 0.6, (a) => JSON.stringify(a));
  listCounts('recipients', pred.recipients, gold.recipients, (p, g) => norm(p) === norm(g), (r) => JSON.stringify(r));
  return { doc: gold.doc, scalars, lists, deadlineOverlap, mismatches };
}

/** Sums document scores (micro-average): per-field P/R/F1, scalar accuracies, overall micro-F1. */
export function aggregate(docs: DocScore[]): Score {
  const fields = {} as Record<ListField, Prf>;
  for (const f of LIST_FIELDS) {
    const c = docs.reduce<Counts>((s, d) => ({ tp: s.tp + d.lists[f].tp, fp: s.fp + d.lists[f].fp, fn: s.fn + d.lists[f].fn }), { tp: 0, fp: 0, fn: 0 });
    fields[f] = prf(c);
  }
  const scalarAccuracy = {} as Record<ScalarField, number>;
  for (const f of SCALAR_FIELDS) scalarAccuracy[f] = docs.length ? docs.filter((d) => d.scalars[f]).length / docs.length : 1;
  const overall = prf(
    OVERALL_FIELDS.reduce<Counts>((s, f) => ({ tp: s.tp + fields[f].tp, fp: s.fp + fields[f].fp, fn: s.fn + fields[f].fn }), { tp: 0, fp: 0, fn: 0 }),
  );
  const m = docs.reduce((s, d) => s + d.deadlineOverlap.matched, 0);
  const dc = docs.reduce((s, d) => s + d.deadlineOverlap.dueCorrect, 0);
  return { docs, fields, scalarAccuracy, dueCorrect: m ? dc / m : 1, overall };
}

/** Scores extractions against gold answers, document by document, then micro-averaged. */
export function score(items: Array<{ extracted: Extraction; gold: Extraction; text?: string }>): Score {
  return aggregate(items.map((i) => scoreDocument(i.extracted, i.gold, i.text)));
}
