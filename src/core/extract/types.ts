import type { DeadlineWhat, Due } from '../deadline/types.ts';

/** A cited document as the gold format writes it. */
export interface ExtractedRef {
  kind: string;
  number: string;
  date: string | null;
}

export interface ExtractedDeadline {
  text: string;
  due: Due;
  what: DeadlineWhat;
}

export interface ExtractedAssignment {
  lead: string[];
  support: string[];
}

export interface ExtractedReport {
  from: string | null;
  to: string;
  via: string | null;
  due: Due[];
}

export interface ExtractedSigner {
  capacity: string | null;
  title: string | null;
  name: string | null;
}

/** The JSON of extraction/SCHEMA.md, field for field. */
export interface Extraction {
  doc: string;
  kind: string | null;
  number: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  title: string | null;
  implements: ExtractedRef[];
  references: ExtractedRef[];
  deadlines: ExtractedDeadline[];
  assignments: ExtractedAssignment[];
  reports: ExtractedReport[];
  recipients: string[];
  signer: ExtractedSigner | null;
}

/** A span [start, end) of the original input. */
export interface Span {
  start: number;
  end: number;
}

/** Where each extracted item stands in the original input, index for index with the extraction's lists. */
export interface ExtractionSpans {
  deadlines: Span[];
  references: Span[][];
  implements: Span[];
  assignments: Span[];
  reports: Span[];
  recipients: Span[];
  number: Span | null;
  title: Span | null;
  signer: Span | null;
}
