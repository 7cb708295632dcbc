import { describe, expect, it } from 'vitest';
import { figureSource, prefillFigures } from './figures.ts';

const sessions = { mustStudy: 30, studied: 28, sessions: 1, makeupSessions: 1, selfStudied: 2 };

describe('prefilling report figures from sessions', () => {
  it('recognises figures by their Vietnamese labels', () => {
    expect(figureSource({ key: 'a', label: 'Tổng số đảng viên' })).toBe('mustStudy');
    expect(figureSource({ key: 'b', label: 'Số đảng viên được học tập' })).toBe('studied');
    expect(figureSource({ key: 'c', label: 'Tỷ lệ đảng viên được học tập' })).toBe('percent');
    expect(figureSource({ key: 'd', label: 'Kết quả', unit: '%' })).toBe('percent');
    expect(figureSource({ key: 'e', label: 'Số hội nghị đã tổ chức' })).toBe('sessions');
    expect(figureSource({ key: 'f', label: 'Số buổi học bù' })).toBe('makeupSessions');
    expect(figureSource({ key: 'g', label: 'Số đảng viên tự học' })).toBe('selfStudied');
    expect(figureSource({ key: 'h', label: 'Số mô hình điển hình' })).toBeNull();
  });

  it('fills the study form of a report: studied of the whole, share truncated', () => {
    const out = prefillFigures(
      [
        { key: 'total', label: 'Tổng số đảng viên', unit: 'người' },
        { key: 'studied', label: 'Số đảng viên được học tập', unit: 'người', of: 'total' },
        { key: 'rate', label: 'Tỷ lệ', unit: '%' },
        { key: 'models', label: 'Số mô hình điển hình' },
      ],
      sessions,
    );
    expect(out.figures).toEqual({ total: 30, studied: 28, rate: 93 });
  });

  it('takes the whole a studied figure is part of as the members who had to study', () => {
    const out = prefillFigures([{ key: 'x', label: 'Cán bộ, đảng viên' }, { key: 'y', label: 'Đã học tập', of: 'x' }], sessions);
    expect(out.figures).toEqual({ x: 30, y: 28 });
  });
});
