import { describe, it, expect } from 'vitest';
import { prf, scoreDocument, aggregate, locate } from './score.ts';
import type { Extraction } from './types.ts';

const base = (): Extraction => ({
  doc: 'x.txt', kind: 'KH', number: '1-KH/TU', issuer: 'Ban Thường vụ Tỉnh ủy', place: 'Hà Nội', date: '2022-01-01',
  title: 'Tổ chức học tập nghị quyết', implements: [], references: [], deadlines: [], assignments: [], reports: [],
  recipients: [], signer: { capacity: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn A' },
});

describe('prf', () => {
  it('computes precision, recall and F1 by hand', () => {
    // tp 3, fp 1, fn 2: P = 3/4, R = 3/5, F1 = 2·0.75·0.6/1.35 = 0.6667
    const r = prf({ tp: 3, fp: 1, fn: 2 });
    expect(r.precision).toBe(0.75);
    expect(r.recall).toBe(0.6);
    expect(r.f1).toBeCloseTo(2 / 3, 10);
  });
  it('scores an empty pair as perfect and no hits as zero', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    expect(prf({ tp: 0, fp: 2, fn: 1 }).f1).toBe(0);
  });
});

describe('scoreDocument', () => {
  it('compares scalars exactly after folding, title and issuer by token F1 ≥ 0.8', () => {
    const p = { ...base(), number: ' 1-KH/TU ', title: 'Tổ chức học tập nghị quyết mới', issuer: 'Ban Tuyên giáo' };
    const s = scoreDocument(p, base());
    // title: 5 common of 6 vs 5 tokens → P 5/6, R 1 → F1 0.909 ≥ 0.8; issuer: 1 of 3 vs 4 → F1 0.286
    expect(s.scalars.number).toBe(true);
    expect(s.scalars.title).toBe(true);
    expect(s.scalars.issuer).toBe(false);
  });
  it('matches references on kind and number, dates only where both give one', () => {
    const g = { ...base(), references: [{ kind: 'KL', number: '21-KL/TW', date: '2021-10-25' }, { kind: 'CT', number: '05-CT/TW', date: null }] };
    const p = { ...base(), references: [{ kind: 'KL', number: '21-KL/TW', date: '2021-10-26' }, { kind: 'CT', number: '05-CT/TW', date: '2016-05-15' }, { kind: 'NQ', number: '1-NQ/TW', date: null }] };
    expect(scoreDocument(p, g).lists.references).toEqual({ tp: 1, fp: 2, fn: 1 });
  });
  it('matches deadlines on overlapping spans and equal due', () => {
    const text = 'Báo cáo trước ngày 31/3/2022; thực hiện thường xuyên; hằng năm.';
    const g = { ...base(), deadlines: [
      { text: 'trước ngày 31/3/2022', due: { type: 'date', value: '2022-03-31' }, what: 'report' },
      { text: 'thực hiện thường xuyên', due: { type: 'continuous', value: null }, what: 'task' },
      { text: 'hằng năm', due: { type: 'recurring', value: { every: 'year', from: null } }, what: 'task' },
    ] } as Extraction;
    const p = { ...base(), deadlines: [
      { text: 'ngày 31/3/2022', due: { type: 'date', value: '2022-03-31' }, what: 'report' },
      { text: 'thường xuyên', due: { type: 'continuous', value: null }, what: 'task' },
      { text: 'hằng năm', due: { type: 'year', value: '2022' }, what: 'task' },
    ] } as Extraction;
    const s = scoreDocument(p, g, text);
    expect(s.lists.deadlines).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.deadlineOverlap).toEqual({ matched: 3, dueCorrect: 2 });
  });
  it('matches reports on due list and token F1 ≥ 0.6 of `to`, assignments on joined lead', () => {
    const g = { ...base(),
      reports: [{ from: null, to: 'Ban Thường vụ Đảng ủy Khối', via: null, due: [] }],
      assignments: [{ lead: ['Ban Tổ chức', 'Văn phòng'], support: [] }],
      recipients: ['Lưu VT.', 'Ban Tuyên giáo Tỉnh ủy'] };
    const p = { ...base(),
      reports: [{ from: 'x', to: 'Ban Thường vụ Đảng ủy', via: null, due: [] }, { from: null, to: 'Tỉnh ủy', via: null, due: [] }],
      assignments: [{ lead: ['Ban Tổ chức Văn phòng'], support: ['y'] }],
      recipients: ['Lưu  VT.', 'Ban Tuyên giáo'] };
    const s = scoreDocument(p, g);
    // "Ban Thường vụ Đảng ủy" vs 6 gold tokens: P 1, R 5/6 → F1 0.909; "Tỉnh ủy": 1 of 2 vs 6 → 0.25
    expect(s.lists.reports).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.lists.assignments).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.lists.recipients).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});

describe('aggregate', () => {
  it('micro-averages over documents and fields', () => {
    const a = scoreDocument({ ...base(), recipients: ['A', 'B'] }, { ...base(), recipients: ['A', 'C'] });
    const b = scoreDocument({ ...base(), recipients: ['D'], signer: null }, { ...base(), recipients: ['D'] });
    const s = aggregate([a, b]);
    // recipients: tp 2, fp 1, fn 1 → P = R = F1 = 2/3; all other overall fields empty
    expect(s.fields.recipients.f1).toBeCloseTo(2 / 3, 10);
    expect(s.overall).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.scalarAccuracy['signer.name']).toBe(0.5);
  });
  it('places repeated texts on successive occurrences', () => {
    expect(locate(['ab', 'ab', 'zz'], 'ab ab')).toEqual([{ start: 0, end: 2 }, { start: 3, end: 5 }, null]);
  });
});
