import { describe, expect, it } from 'vitest';
import { foldedFilter } from './folded-filter.ts';

const people = [
  { value: '1', label: 'Nguyễn Văn An' },
  { value: '2', label: 'Trần Thị Bích Đào' },
  { value: '3', label: 'Lê Văn Ánh' },
];
const labels = (xs: ReturnType<typeof foldedFilter>) => xs.flatMap((x) => ('group' in x ? [`[${x.group}]`, ...x.items.map((i) => i.label)] : [x.label]));

describe('picker search without diacritics', () => {
  it('finds a name typed without diacritics, in any case and word order', () => {
    expect(labels(foldedFilter({ options: people, search: 'nguyen an', limit: 0 }))).toEqual(['Nguyễn Văn An']);
    expect(labels(foldedFilter({ options: people, search: 'DAO bich', limit: 0 }))).toEqual(['Trần Thị Bích Đào']);
    expect(labels(foldedFilter({ options: people, search: 'anh', limit: 0 }))).toEqual(['Lê Văn Ánh']);
    expect(labels(foldedFilter({ options: people, search: 'Ánh', limit: 0 }))).toEqual(['Lê Văn Ánh']);
    expect(labels(foldedFilter({ options: people, search: 'van', limit: 0 }))).toEqual(['Nguyễn Văn An', 'Lê Văn Ánh']);
  });

  it('shows everything for an empty search and respects the limit', () => {
    expect(foldedFilter({ options: people, search: '  ', limit: 0 })).toHaveLength(3);
    expect(labels(foldedFilter({ options: people, search: 'van', limit: 1 }))).toEqual(['Nguyễn Văn An']);
  });

  it('keeps the groups that still hold a match', () => {
    const grouped = [
      { group: '48-KH/ĐUK', items: [{ value: 'a', label: 'Học tập Nghị quyết — Tháng 3/2026' }, { value: 'b', label: 'Học tập Nghị quyết — Tháng 4/2026' }] },
      { group: '05-KH/CB', items: [{ value: 'c', label: 'Sinh hoạt chuyên đề — Quý I/2026' }] },
    ];
    expect(labels(foldedFilter({ options: grouped, search: 'thang 3', limit: 0 }))).toEqual(['[48-KH/ĐUK]', 'Học tập Nghị quyết — Tháng 3/2026']);
  });
});
