import type { Due } from '#core/deadline/types.ts';
import type { Extraction, ExtractedDeadline, ExtractedRef, ExtractedReport } from '#core/extract/types.ts';
import type { StructureSpans } from '#shared/documents.ts';
import type { Mark } from './marks.ts';

/**
 * The structure under review, as the form edits it: each list item keeps a stable key and the
 * place it was found in the text (null for an item a person added), so that highlighting and
 * selecting follow the items through edits, additions and deletions.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Item<T> {
  key: string;
  value: T;
  spans: Span[];
}

export interface AssignmentValue {
  lead: string[];
  support: string[];
}

export interface StructureState {
  doc: string;
  kind: string | null;
  number: string;
  issuer: string;
  place: string;
  date: string | null;
  title: string;
  signer: { capacity: string; title: string; name: string };
  implements: Item<ExtractedRef>[];
  references: Item<ExtractedRef>[];
  deadlines: Item<ExtractedDeadline>[];
  assignments: Item<AssignmentValue>[];
  reports: Item<ExtractedReport>[];
  recipients: Item<string>[];
  /** Places of the scalar fields in the text. */
  scalarSpans: { number: Span | null; title: Span | null; signer: Span | null };
}

export type ListKey = 'implements' | 'references' | 'deadlines' | 'assignments' | 'reports' | 'recipients';
export const LIST_KEYS: readonly ListKey[] = ['implements', 'references', 'deadlines', 'assignments', 'reports', 'recipients'];

let nextKey = 0;
/** A key no other item of this page has. */
export function newKey(list: string): string {
  nextKey += 1;
  return `${list}-${nextKey}`;
}

const one = (s: Span | null | undefined): Span[] => (s ? [s] : []);

/** The form's state from a structure and where its items stand. */
export function toState(x: Extraction, spans: StructureSpans | null): StructureState {
  const list = <T>(name: ListKey, values: T[], at: (i: number) => Span[]): Item<T>[] => values.map((value, i) => ({ key: newKey(name), value, spans: at(i) }));
  return {
    doc: x.doc,
    kind: x.kind,
    number: x.number ?? '',
    issuer: x.issuer ?? '',
    place: x.place ?? '',
    date: x.date,
    title: x.title ?? '',
    signer: { capacity: x.signer?.capacity ?? '', title: x.signer?.title ?? '', name: x.signer?.name ?? '' },
    implements: list('implements', x.implements, (i) => one(spans?.implements[i])),
    references: list('references', x.references, (i) => spans?.references[i] ?? []),
    deadlines: list('deadlines', x.deadlines, (i) => one(spans?.deadlines[i])),
    assignments: list('assignments', x.assignments, (i) => one(spans?.assignments[i])),
    reports: list('reports', x.reports, (i) => one(spans?.reports[i])),
    recipients: list('recipients', x.recipients, (i) => one(spans?.recipients[i])),
    scalarSpans: { number: spans?.number ?? null, title: spans?.title ?? null, signer: spans?.signer ?? null },
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The structure the form holds, as the API takes it (extraction/SCHEMA.md). */
export function fromState(s: StructureState): Extraction {
  const signer = { capacity: orNull(s.signer.capacity), title: orNull(s.signer.title), name: orNull(s.signer.name) };
  return {
    doc: s.doc,
    kind: s.kind,
    number: orNull(s.number),
    issuer: orNull(s.issuer),
    place: orNull(s.place),
    date: s.date,
    title: orNull(s.title),
    implements: s.implements.map((i) => i.value),
    references: s.references.map((i) => i.value),
    deadlines: s.deadlines.map((i) => i.value),
    assignments: s.assignments.map((i) => ({ lead: i.value.lead.filter((x) => x.trim()), support: i.value.support.filter((x) => x.trim()) })),
    reports: s.reports.map((i) => i.value),
    recipients: s.recipients.map((i) => i.value),
    signer: signer.capacity || signer.title || signer.name ? signer : null,
  };
}

/** A new, empty item of a list. */
export function emptyItem(list: ListKey, year: number): Item<unknown> {
  const value: Record<ListKey, unknown> = {
    implements: { kind: 'KH', number: '', date: null },
    references: { kind: 'KH', number: '', date: null },
    deadlines: { text: '', due: { type: 'date', value: `${year}-12-31` }, what: 'task' },
    assignments: { lead: [''], support: [] },
    reports: { from: null, to: '', via: null, due: [] },
    recipients: '',
  };
  return { key: newKey(list), value: value[list], spans: [] };
}

/** What a highlighted item is: an item of a list, or the number, title or signature. */
export type MarkKind = ListKey | 'number' | 'title' | 'signer';

/** Names the labels of the marks use, in the reader's language. */
export interface MarkWords {
  kind: (list: MarkKind) => string;
  due: (d: Due) => string;
}

/** The highlights of the items that have a place in the text. */
export function marksOf(s: StructureState, words: MarkWords): Mark[] {
  const out: Mark[] = [];
  const add = (id: string, kind: MarkKind, spans: Span[], what: string) => {
    for (const sp of spans) out.push({ id, kind, start: sp.start, end: sp.end, label: `${words.kind(kind)}: ${what}` });
  };
  if (s.scalarSpans.title) add('title', 'title', [s.scalarSpans.title], s.title);
  if (s.scalarSpans.number) add('number', 'number', [s.scalarSpans.number], s.number);
  if (s.scalarSpans.signer) add('signer', 'signer', [s.scalarSpans.signer], s.signer.name || s.signer.title);
  for (const i of s.implements) add(i.key, 'implements', i.spans, `${i.value.kind} ${i.value.number}`);
  for (const i of s.references) add(i.key, 'references', i.spans, `${i.value.kind} ${i.value.number}`);
  for (const i of s.reports) add(i.key, 'reports', i.spans, i.value.to);
  for (const i of s.assignments) add(i.key, 'assignments', i.spans, i.value.lead.join(', '));
  for (const i of s.recipients) add(i.key, 'recipients', i.spans, i.value);
  for (const i of s.deadlines) add(i.key, 'deadlines', i.spans, i.value.text.replace(/\s+/g, ' '));
  return out;
}
