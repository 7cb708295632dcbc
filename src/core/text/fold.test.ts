import { describe, expect, it } from 'vitest';
import { foldDiacritics, vietnameseNameSortKey } from './fold.ts';

describe('foldDiacritics', () => {
  it('removes marks and folds đ', () => {
    expect(foldDiacritics('Đảng ủy Khối các cơ quan')).toBe('dang uy khoi cac co quan');
    expect(foldDiacritics('Tổ chức')).toBe('to chuc');
  });
  it('handles decomposed input the same as composed', () => {
    expect(foldDiacritics('Tổ chức'.normalize('NFD'))).toBe('to chuc');
  });
});

describe('vietnameseNameSortKey', () => {
  it('sorts by given name first', () => {
    const names = ['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Văn Ánh'];
    const sorted = [...names].sort((a, b) => vietnameseNameSortKey(a).localeCompare(vietnameseNameSortKey(b)));
    expect(sorted).toEqual(['Trần Thị An', 'Lê Văn Ánh', 'Nguyễn Văn Bình']);
  });
});
