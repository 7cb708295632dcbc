import { describe, expect, it } from 'vitest';
import { boundsText, lookBackEntries, mayAdd, mayRemove, placeIssues, sameSections, sectionsToSend, startingSections, versionState } from './plan-items.ts';

const year = { minItems: 1, maxItems: 2 };
const term = { minItems: 3, maxItems: 5 };

describe('the bounds of a section', () => {
  it('says a range, an exact count or an upper bound', () => {
    expect(boundsText(year)).toEqual({ key: 'range', min: 1, max: 2 });
    expect(boundsText({ minItems: 2, maxItems: 2 })).toEqual({ key: 'exact', min: 2, max: 2 });
    expect(boundsText({ minItems: 0, maxItems: 4 })).toEqual({ key: 'atMost', min: 0, max: 4 });
  });

  it('adds items up to the most and removes them down to the least', () => {
    expect([0, 1, 2].map((n) => mayAdd(year, n))).toEqual([true, true, false]);
    expect([0, 1, 2].map((n) => mayRemove(year, n))).toEqual([false, false, true]);
    expect([2, 3, 4, 5].map((n) => [mayAdd(term, n), mayRemove(term, n)])).toEqual([[true, false], [true, false], [true, true], [false, true]]);
  });
});

describe('placing what is wrong', () => {
  const filled = ['items', 'example'];

  it('puts the view’s issues at their section or item', () => {
    const out = placeIssues(filled, [
      { section: 'items', item: null, message: 'Kế hoạch năm cần từ 1 đến 2 nội dung' },
      { section: 'items', item: 2, message: 'Nội dung 2 còn trống' },
      { section: 'example', item: 1, message: 'Việc nêu gương 1: hãy chọn nhóm công việc' },
    ]);
    expect(out).toEqual({
      bySection: {
        items: { section: ['Kế hoạch năm cần từ 1 đến 2 nội dung'], items: { 2: ['Nội dung 2 còn trống'] } },
        example: { section: [], items: { 1: ['Việc nêu gương 1: hãy chọn nhóm công việc'] } },
      },
      other: [],
    });
  });

  it('reads a refused submission’s fields, items 0-based in the path, once per place', () => {
    const out = placeIssues(filled, [{ section: 'items', item: null, message: 'Kế hoạch năm cần từ 1 đến 2 nội dung' }], [
      { path: 'body.sections.items', message: 'Kế hoạch năm cần từ 1 đến 2 nội dung' },
      { path: 'sections.items.0.text', message: 'Nội dung 1 còn trống' },
      { path: 'sections.example.1', message: 'Việc nêu gương 2: hãy chọn nhóm công việc' },
    ]);
    expect(out.bySection.items).toEqual({ section: ['Kế hoạch năm cần từ 1 đến 2 nội dung'], items: { 1: ['Nội dung 1 còn trống'] } });
    expect(out.bySection.example).toEqual({ section: [], items: { 2: ['Việc nêu gương 2: hãy chọn nhóm công việc'] } });
    expect(out.other).toEqual([]);
  });

  it('keeps apart what names no section the member fills', () => {
    const out = placeIssues(['items'], [{ section: 'example', item: null, message: 'Phần này chỉ dành cho lãnh đạo chủ chốt, người đứng đầu' }], [{ path: 'submittedOn', message: 'Ngày không hợp lệ' }]);
    expect(out.bySection).toEqual({});
    expect(out.other).toEqual(['Phần này chỉ dành cho lãnh đạo chủ chốt, người đứng đầu', 'Ngày không hợp lệ']);
  });
});

const version = (sections: Record<string, { text: string; area?: null | 'ethics_lifestyle'; group?: null | 'breakthrough' }[]>, over = {}) => ({
  version: 1, sections, writtenBy: null, onBehalf: false, savedAt: '2026-02-01T00:00:00Z', submittedOn: null, late: false, returnedAt: null, returnComment: null,
  confirmedOn: null, confirmedBy: null, ...over,
});

describe('the items the member edits and sends', () => {
  it('starts from the current version, one list per section filled, empty when nothing was written', () => {
    expect(startingSections({ filled: ['items', 'example'], versions: [] })).toEqual({ items: [], example: [] });
    const v = { filled: ['items'], versions: [version({ items: [{ text: 'cũ' }] }), version({ items: [{ text: 'Gương mẫu', area: 'ethics_lifestyle' }], example: [{ text: 'x' }] })] };
    expect(startingSections(v)).toEqual({ items: [{ text: 'Gương mẫu', area: 'ethics_lifestyle', group: null }] });
  });

  it('sends trimmed texts, areas outside the leaders’ part and groups within it', () => {
    const sent = sectionsToSend({ items: [{ text: '  Nói đi đôi với làm ', area: 'ethics_lifestyle', group: 'breakthrough' }], example: [{ text: 'Xử lý tồn đọng', area: 'ethics_lifestyle', group: 'long_standing' }] }, new Set(['example']));
    expect(sent).toEqual({ items: [{ text: 'Nói đi đôi với làm', area: 'ethics_lifestyle' }], example: [{ text: 'Xử lý tồn đọng', group: 'long_standing' }] });
  });

  it('tells an unsaved change from the saved items', () => {
    const saved = { items: [{ text: 'a', area: null, group: null }] };
    expect(sameSections(saved, { items: [{ text: 'a' }] })).toBe(true);
    expect(sameSections(saved, { items: [{ text: 'a', area: 'ethics_lifestyle' }] })).toBe(false);
    expect(sameSections(saved, { items: [{ text: 'a' }, { text: '' }] })).toBe(false);
  });

  it('names a version’s state from its dates', () => {
    expect(versionState({ submittedOn: null, returnedAt: null, confirmedOn: null })).toBe('draft');
    expect(versionState({ submittedOn: '2026-02-01', returnedAt: null, confirmedOn: null })).toBe('submitted');
    expect(versionState({ submittedOn: '2026-02-01', returnedAt: '2026-02-02T01:00:00Z', confirmedOn: null })).toBe('returned');
    expect(versionState({ submittedOn: '2026-02-03', returnedAt: null, confirmedOn: '2026-02-04' })).toBe('confirmed');
  });
});

describe('the year-end look back', () => {
  it('lists every item in the form’s order with what was already said of it', () => {
    const out = lookBackEntries([{ key: 'items' }, { key: 'example' }], { example: [{ text: 'E1' }], items: [{ text: 'I1' }, { text: 'I2' }] }, [
      { section: 'items', item: 2, result: 'partly', account: 'Còn chậm', comment: 'Cần cố gắng' },
    ]);
    expect(out).toEqual([
      { section: 'items', item: 1, text: 'I1', result: null, account: '', comment: '' },
      { section: 'items', item: 2, text: 'I2', result: 'partly', account: 'Còn chậm', comment: 'Cần cố gắng' },
      { section: 'example', item: 1, text: 'E1', result: null, account: '', comment: '' },
    ]);
  });
});
