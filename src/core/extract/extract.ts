import { findCitations, distinctCitations, citationKey, type Citation } from '../docref/find.ts';
import { findDeadlines } from '../deadline/find.ts';
import { prepareText, originalSpan, originalText, type TextView } from '../text/view.ts';
import { foldWhitespace } from '../text/fold.ts';
import { splitLines } from './lines.ts';
import { readHeader } from './header.ts';
import { readRecipients, readSignature } from './signature.ts';
import { implementsFromOpening, issuerFromOpening, readOpening } from './opening.ts';
import { findReports } from './reports.ts';
import { findAssignments } from './assignments.ts';
import type { Extraction, ExtractionSpans, Span } from './types.ts';

export type { Extraction, ExtractionSpans, Span } from './types.ts';

export interface ExtractOptions {
  /** File name of the source, written to `doc`. */
  fileName: string;
}

function toOriginal(view: TextView, s: Span): Span {
  return originalSpan(view, s.start, s.end);
}

/**
 * Extracts the structure of a Vietnamese administrative document (see extraction/SCHEMA.md)
 * together with the span in `text` of every item, for showing each one highlighted in place.
 * Pure and total: any string gives a valid extraction.
 */
export function extractWithSpans(text: string, opts: ExtractOptions): { extraction: Extraction; spans: ExtractionSpans } {
  const view = prepareText(text);
  const t = view.text;
  const lines = splitLines(t);
  const header = readHeader(lines);
  const bodyStart = lines[header.bodyLine]?.start ?? t.length;
  const recipients = readRecipients(lines, header.bodyLine);
  const signature = readSignature(lines, header.bodyLine, recipients.line);
  const bodyEnd = Math.min(recipients.block?.start ?? t.length, signature?.block.start ?? t.length);

  const citations = findCitations(t);
  const own = header.number;
  const notOwn = (c: Citation) => !own || citationKey(c) !== citationKey({ kind: c.kind, number: own });
  const refs = distinctCitations(citations, own);
  const refSpans = refs.map((r) => citations.filter((c) => citationKey(c) === citationKey(r) && notOwn(c)).map((c) => toOriginal(view, c)));

  const opening = readOpening(lines, header.bodyLine);
  const impl = implementsFromOpening(t, opening, citations).filter(notOwn);
  const implDistinct = distinctCitations(impl, own);
  const issuer = issuerFromOpening(t, opening) ?? (header.issuerLines.length ? foldWhitespace(header.issuerLines.join(' ')) : null);

  const years = citations.map((c) => (c.date ? Number(c.date.slice(0, 4)) : 0)).filter((y) => y > 0);
  const docYear = header.date ? Number(header.date.slice(0, 4)) : null;
  const refYear = docYear ?? (years.length ? Math.max(...years) : null);
  const blocked: Array<[number, number]> = [[0, bodyStart]];
  if (recipients.block) blocked.push([recipients.block.start, recipients.block.end]);
  if (signature) blocked.push([signature.block.start, signature.block.end]);
  for (const c of citations) blocked.push([c.start, c.end]);
  const hits = findDeadlines(t, { docYear, refYear, blocked, citationClauses: citations.map((c) => [c.end, c.clauseEnd] as [number, number]) });

  const reports = findReports(t, lines, header.bodyLine, bodyStart, bodyEnd, hits);
  const assignments = findAssignments(t, lines, header.bodyLine, bodyStart, bodyEnd);

  const extraction: Extraction = {
    doc: opts.fileName,
    kind: header.kind,
    number: header.number,
    issuer,
    place: header.place,
    date: header.date,
    title: header.title,
    implements: implDistinct.map((r) => ({ kind: r.kind, number: r.number, date: r.date })),
    references: refs.map((r) => ({ kind: r.kind, number: r.number, date: r.date })),
    deadlines: hits.map((h) => ({ text: originalText(view, h.start, h.end), due: h.due, what: h.what })),
    assignments: assignments.map((a) => ({ lead: a.lead, support: a.support })),
    reports: reports.map((r) => ({ from: r.from, to: r.to, via: r.via, due: r.due })),
    recipients: recipients.items,
    signer: signature ? signature.signer : null,
  };
  const spans: ExtractionSpans = {
    deadlines: hits.map((h) => toOriginal(view, h)),
    references: refSpans,
    implements: implDistinct.map((r) => {
      const c = impl.find((i) => citationKey(i) === citationKey(r)) as Citation;
      return toOriginal(view, c);
    }),
    assignments: assignments.map((a) => toOriginal(view, a.span)),
    reports: reports.map((r) => toOriginal(view, r.span)),
    recipients: recipients.spans.map((s) => toOriginal(view, s)),
    number: header.numberSpan ? toOriginal(view, header.numberSpan) : null,
    title: header.titleSpan ? toOriginal(view, header.titleSpan) : null,
    signer: signature ? toOriginal(view, signature.block) : null,
  };
  return { extraction, spans };
}

/** Extracts the SCHEMA.md JSON of a document's text. See {@link extractWithSpans}. */
export function extractDocument(text: string, opts: ExtractOptions): Extraction {
  return extractWithSpans(text, opts).extraction;
}
