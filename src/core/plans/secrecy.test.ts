import { describe, expect, it } from 'vitest';
import { itemInSentence, keepsSecrecy, maskSecret, planInSentence, SECRET_STAND_INS } from './secrecy.ts';

const row = { id: 'p1', planNumber: '777-KH/ĐUK' as string | null, planTitle: 'Phương án ZEBRA-42', taskText: 'Phổ biến phương án ZEBRA-42', periodLabel: 'Tháng 3/2022' };

describe('maskSecret', () => {
  it('leaves what a reader may read as it is', () => {
    expect(maskSecret(row, false, { planNumber: 'number', planTitle: 'plan', taskText: 'task' })).toBe(row);
  });

  it('replaces every field that names a hidden plan, and keeps the others', () => {
    expect(maskSecret(row, true, { planNumber: 'number', planTitle: 'plan', taskText: 'task' })).toEqual({
      id: 'p1', planNumber: null, planTitle: 'Kế hoạch mật', taskText: 'Nhiệm vụ của kế hoạch mật', periodLabel: 'Tháng 3/2022',
    });
    expect(row.planTitle).toBe('Phương án ZEBRA-42');
  });

  it('says only that there is a secret plan, in Vietnamese', () => {
    for (const words of Object.values(SECRET_STAND_INS)) expect(words).toMatch(/mật$/);
  });
});

describe('a plan, a task or a report named in a sentence', () => {
  it('quotes what may be read', () => {
    expect(itemInSentence('report', 'Báo cáo quý', false)).toBe('báo cáo "Báo cáo quý"');
    expect(itemInSentence('task', 'x'.repeat(200), false)).toBe(`nhiệm vụ "${'x'.repeat(157)}..."`);
    expect(planInSentence({ number: '48-KH/ĐUK', title: 'Học tập Nghị quyết' }, false)).toBe('Kế hoạch số 48-KH/ĐUK "Học tập Nghị quyết"');
    expect(planInSentence({ number: null, title: 'Học tập Nghị quyết' }, false)).toBe('kế hoạch "Học tập Nghị quyết"');
  });

  it('names a hidden one only as secret', () => {
    expect(itemInSentence('report', 'Báo cáo ZEBRA', true)).toBe('báo cáo của kế hoạch mật');
    expect(itemInSentence('task', 'Rà soát ZEBRA', true)).toBe('nhiệm vụ của kế hoạch mật');
    expect(planInSentence({ number: '777-KH/ĐUK', title: 'ZEBRA' }, true)).toBe('kế hoạch mật');
  });
});

describe('keepsSecrecy', () => {
  it('never lets a plan be less secret than what it carries out', () => {
    expect(keepsSecrecy(false, [false, true])).toBe(false);
    expect(keepsSecrecy(true, [true])).toBe(true);
    expect(keepsSecrecy(false, [])).toBe(true);
    expect(keepsSecrecy(true, [false])).toBe(true);
  });

  it('keeps a plan secret once it carried out a secret document, links removed or not', () => {
    expect(keepsSecrecy(false, [], true)).toBe(false);
    expect(keepsSecrecy(true, [], true)).toBe(true);
  });
});
