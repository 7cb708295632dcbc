import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids.ts';
import { knownFigureSources, knownFiguresDate, knownSourceOf } from './known-figures.ts';

const fig = (label: string, key = 'x', unit: string | null = null) => ({ key, label, unit });

describe('figures the system knows', () => {
  it('recognises the unit’s number of party members by its label', () => {
    for (const label of ['Số đảng viên của chi bộ', 'Tổng số đảng viên', 'Tổng số đảng viên của Đảng bộ', 'Số lượng đảng viên', 'Số đảng viên hiện có', 'So dang vien (người):', 'Số đảng viên của chi bộ:']) {
      expect(knownSourceOf(fig(label)), label).toBe('party_members');
    }
  });

  it('recognises it by its key', () => {
    expect(knownSourceOf(fig('Chỉ tiêu 1', 'tong_so_dang_vien'))).toBe('party_members');
    expect(knownSourceOf(fig('Chỉ tiêu 1', 'SO_DANG_VIEN'))).toBe('party_members');
  });

  it('leaves out figures that ask for part of the members or another count', () => {
    for (const label of ['Số đảng viên được học tập', 'Số đảng viên tham gia', 'Số đảng viên mới kết nạp', 'Tổng số đảng viên phải học tập', 'Số đoàn viên', 'Số chi bộ', 'Tỷ lệ đảng viên']) {
      expect(knownSourceOf(fig(label)), label).toBeNull();
    }
    expect(knownSourceOf(fig('Số đảng viên', 'x', '%'))).toBeNull();
  });

  it('lists the known figures of a form by key', () => {
    expect(knownFigureSources([fig('Tổng số đảng viên', 'tong_so'), fig('Số đảng viên tham gia', 'tham_gia')])).toEqual({ tong_so: 'party_members' });
  });

  it('counts on the period’s end, never after today', () => {
    const today = '2026-12-07' as IsoDate;
    expect(knownFiguresDate({ periodEnd: '2026-03-31' as IsoDate, dueDate: '2026-04-05' as IsoDate }, today)).toBe('2026-03-31');
    expect(knownFiguresDate({ periodEnd: null, dueDate: '2026-11-30' as IsoDate }, today)).toBe('2026-11-30');
    expect(knownFiguresDate({ periodEnd: '2026-12-31' as IsoDate, dueDate: '2027-01-05' as IsoDate }, today)).toBe(today);
    expect(knownFiguresDate({ periodEnd: null, dueDate: null }, today)).toBe(today);
  });
});
