import { findCitations } from '#core/docref/find.ts';
import type { CampaignCreateInput } from '#shared/meetings.ts';

/** The months from `from` to `to` (YYYY-MM), at most 24. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  while (out.length < 24) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export type MonthDocs = CampaignCreateInput['months'][number]['documents'];

/**
 * The documents of a month as a person types them, one per line ("Nghị quyết số 03-NQ/TW, ngày
 * 26/6/1992 Hội nghị Trung ương 3 khóa VII ..."): each line's first citation, the line as its title.
 * Returns the lines no citation could be read from.
 */
export function readDocumentLines(text: string): { documents: NonNullable<MonthDocs>; unread: string[] } {
  const documents: NonNullable<MonthDocs> = [];
  const unread: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const c = findCitations(line)[0];
    if (!c || c.bare) {
      unread.push(line);
      continue;
    }
    documents.push({ citation: { kind: c.kind, number: c.number, date: c.date }, note: line.replace(/^\d+\.\s*/, '').slice(0, 5_000) });
  }
  return { documents, unread };
}
