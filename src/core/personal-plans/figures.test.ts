import { describe, expect, it } from 'vitest';
import { prefillRoundFigures, roundFigureSource } from './figures.ts';

const f = (key: string, label: string, extra: { unit?: string; of?: string } = {}) => ({ key, label, ...extra });

describe("a report's figures prefilled from a round", () => {
  it('recognises each figure by its key or its Vietnamese label', () => {
    expect(roundFigureSource(f('a', 'Tổng số đảng viên phải xây dựng kế hoạch'))).toBe('must');
    expect(roundFigureSource(f('b', 'Số đảng viên đã xây dựng kế hoạch cá nhân'))).toBe('submitted');
    expect(roundFigureSource(f('c', 'Số kế hoạch được chi bộ xác nhận'))).toBe('confirmed');
    expect(roundFigureSource(f('d', 'Số đồng chí lãnh đạo đăng ký nêu gương'))).toBe('leadersRegistered');
    expect(roundFigureSource(f('e', 'Tỷ lệ', { unit: '%' }))).toBe('percentSubmitted');
    expect(roundFigureSource(f('g', 'Tỷ lệ kế hoạch được xác nhận'))).toBe('percentConfirmed');
    expect(roundFigureSource(f('h', 'Số nộp muộn'))).toBe('late');
    expect(roundFigureSource(f('da_ky', 'Số người'))).toBe('submitted');
    expect(roundFigureSource(f('x', 'Số mô hình được nhân rộng'))).toBeNull();
  });

  it('fills what it recognises, the whole a figure is part of included, and rounds the rates down', () => {
    const form = [f('lap', 'Số đảng viên đã lập kế hoạch', { of: 'tong' }), f('tong', 'Số đảng viên của đơn vị'), f('tyle', 'Tỷ lệ', { unit: '%' }), f('mo_hinh', 'Số mô hình')];
    const out = prefillRoundFigures(form, { must: 30, submitted: 28, confirmed: 20, late: 3, leaders: 4, leadersRegistered: 4 });
    expect(out.figures).toEqual({ lap: 28, tong: 30, tyle: 93 });
    expect(out.sources).toEqual({ lap: 'submitted', tong: 'must', tyle: 'percentSubmitted' });
  });
});
