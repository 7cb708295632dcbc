import { describe, expect, it } from 'vitest';
import { dropLocalDraft, keepLocalDraft, readLocalDraft, withKnownFigures } from './report-draft.ts';

function memoryStore() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('an unsent report kept on the device', () => {
  it('is kept per obligation instance, read back, and dropped once sent', () => {
    const store = memoryStore();
    const at = new Date('2022-03-20T08:00:00Z');
    expect(keepLocalDraft('i1', { figures: { tong: 25, hoc: null }, narrative: { content: 'Đã tổ chức học tập.' } }, at, store)).toBe(true);
    expect(readLocalDraft('i1', store)).toEqual({ figures: { tong: 25, hoc: null }, narrative: { content: 'Đã tổ chức học tập.' }, savedAt: at.toISOString() });
    expect(readLocalDraft('i2', store)).toBeNull();
    dropLocalDraft('i1', store);
    expect(readLocalDraft('i1', store)).toBeNull();
  });

  it('ignores what is not a draft and values of the wrong kind', () => {
    const store = memoryStore();
    store.setItem('trienkhai.reportDraft.x', '{not json');
    expect(readLocalDraft('x', store)).toBeNull();
    store.setItem('trienkhai.reportDraft.y', JSON.stringify({ figures: { a: 'mười', b: 3 }, narrative: { c: 4, d: 'chữ' }, savedAt: '2022-03-20T08:00:00Z' }));
    expect(readLocalDraft('y', store)).toEqual({ figures: { b: 3 }, narrative: { d: 'chữ' }, savedAt: '2022-03-20T08:00:00Z' });
  });

  it('says so when the device keeps nothing', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(keepLocalDraft('i1', { figures: {}, narrative: {} }, new Date(), full)).toBe(false);
  });
});

describe('figures the system knows fill the form', () => {
  it('fills a known figure where nothing was entered, and keeps what the unit typed', () => {
    const known = { tong_so: { value: 30 } };
    expect(withKnownFigures({}, known)).toEqual({ tong_so: 30 });
    expect(withKnownFigures({ tong_so: null, tham_gia: 28 }, known)).toEqual({ tong_so: 30, tham_gia: 28 });
    expect(withKnownFigures({ tong_so: 29 }, known)).toEqual({ tong_so: 29 });
    expect(withKnownFigures({ tong_so: 0 }, known)).toEqual({ tong_so: 0 });
    expect(withKnownFigures({ a: 1 }, {})).toEqual({ a: 1 });
  });
});
