import { describe, expect, it } from 'vitest';
import { dropLocalDraft, keepLocalDraft, readLocalDraft } from './report-draft.ts';

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
