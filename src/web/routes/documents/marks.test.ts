import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mark } from './marks.ts';
import { segmentText, segmentsText } from './marks.ts';

const mark = (id: string, start: number, end: number): Mark => ({ id, kind: id.split('.')[0]!, start, end, label: id });

describe('segmentText', () => {
  it('nests a deadline inside its report sentence and keeps the text whole', () => {
    const text = 'Báo cáo kết quả trước ngày 31/3/2022; kết quả đợt sinh hoạt.';
    const segs = segmentText(text, [mark('deadlines.0', 16, 36), mark('reports.0', 0, 36)]);
    expect(segs.map((s) => s.type)).toEqual(['mark', 'text']);
    const report = segs[0]!;
    expect(report.type === 'mark' && report.mark.id).toBe('reports.0');
    expect(report.type === 'mark' && report.children.map((c) => (c.type === 'mark' ? c.mark.id : c.text))).toEqual(['Báo cáo kết quả ', 'deadlines.0']);
    expect(segmentsText(segs)).toBe(text);
  });

  it('cuts an overlapping mark at the end of the one before, and leaves out marks outside the text', () => {
    const segs = segmentText('abcdefghij', [mark('a.0', 0, 5), mark('b.0', 3, 8), mark('c.0', 8, 20), mark('d.0', -1, 2)]);
    expect(segs.map((s) => (s.type === 'mark' ? `${s.mark.id}:${s.start}-${s.end}` : `"${s.text}"`))).toEqual(['a.0:0-5', '"fghij"']);
    const inner = segs[0]!.type === 'mark' ? segs[0]!.children : [];
    expect(inner.map((s) => (s.type === 'mark' ? `${s.mark.id}:${s.start}-${s.end}` : `"${s.text}"`))).toEqual(['"abc"', 'b.0:3-5']);
  });

  it('always gives back the text it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.tuple(fc.integer({ min: -5, max: 210 }), fc.integer({ min: -5, max: 210 })), { maxLength: 30 }), (text, spans) => {
        const marks = spans.map(([a, b], i) => mark(`x.${i}`, a, b));
        expect(segmentsText(segmentText(text, marks))).toBe(text);
      }),
    );
  });
});
