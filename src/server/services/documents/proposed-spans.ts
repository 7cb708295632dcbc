import { extractWithSpans } from '#core/extract/extract.ts';
import type { Extraction, ExtractionSpans } from '#core/extract/types.ts';

/** What the extractor proposed for a document, with the places of its items in the text. */
export type Proposed = { extraction: Extraction; spans: ExtractionSpans };

/**
 * The proposal of a document and the places of its items, as stored at import. A document imported
 * before the places were stored has them found again by the extractor (as every opening did then),
 * or, when `maxTextChars` is given and its text is longer, none.
 */
export function proposedOf(
  doc: { bodyText: string | null; proposed: unknown; proposedSpans: unknown },
  fileName: string,
  maxTextChars = Infinity,
): Proposed | null {
  if (doc.bodyText === null) return null;
  if (doc.proposed && doc.proposedSpans) return { extraction: doc.proposed as Extraction, spans: doc.proposedSpans as ExtractionSpans };
  if (doc.bodyText.length > maxTextChars) return null;
  return extractWithSpans(doc.bodyText, { fileName });
}
