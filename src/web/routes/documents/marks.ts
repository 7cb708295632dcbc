/**
 * The text of a document cut into plain runs and highlighted items. Items may nest (a deadline
 * inside a report's sentence); an item that overlaps the end of another is cut at that end.
 */

export interface Mark {
  /** The item's key in the form: "deadlines.3", "title". */
  id: string;
  /** The list or field it belongs to: "deadlines", "references", … */
  kind: string;
  start: number;
  end: number;
  /** What the mark is called for a screen reader and in its tooltip: "Thời hạn: trước ngày 31/3/2022". */
  label: string;
}

export type Segment =
  | { type: 'text'; start: number; end: number; text: string }
  | { type: 'mark'; start: number; end: number; mark: Mark; children: Segment[] };

function build(text: string, from: number, to: number, marks: Mark[]): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  let i = 0;
  while (i < marks.length) {
    const m = marks[i] as Mark;
    const start = Math.max(m.start, pos);
    const end = Math.min(m.end, to);
    if (start >= end) {
      i++;
      continue;
    }
    if (start > pos) out.push({ type: 'text', start: pos, end: start, text: text.slice(pos, start) });
    let j = i + 1;
    const inner: Mark[] = [];
    while (j < marks.length && (marks[j] as Mark).start < end) inner.push(marks[j++] as Mark);
    out.push({ type: 'mark', start, end, mark: m, children: build(text, start, end, inner) });
    pos = end;
    i = j;
  }
  if (pos < to) out.push({ type: 'text', start: pos, end: to, text: text.slice(pos, to) });
  return out;
}

/** Cuts `text` by `marks` (any order; out-of-range ones are left out). The text of the segments, in order, is `text`. */
export function segmentText(text: string, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return build(text, 0, text.length, valid);
}

/** The text of segments, joined again (for tests and checks). */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.type === 'text' ? s.text : segmentsText(s.children))).join('');
}
