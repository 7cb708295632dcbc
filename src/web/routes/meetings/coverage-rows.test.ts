import { describe, expect, it } from 'vitest';
import type { CoverageRollup, RollupRow } from '#shared/meetings.ts';
import { coverageRows } from './coverage-rows.ts';

const row = (name: string, studied: number, mustStudy: number, sessions = 0): RollupRow => ({
  unitId: name, name, studied, mustStudy, percent: mustStudy ? Math.floor((studied * 100) / mustStudy) : null, sessions, units: { addressed: 1, held: sessions > 0 ? 1 : 0 },
});
const rollup = (own: RollupRow | null, children: RollupRow[]): CoverageRollup => ({
  unit: { id: 'k', name: 'Đảng ủy Khối' }, ancestors: [], from: '2026-01-01', to: '2026-12-07', total: row('Đảng ủy Khối', 0, 0), own, children, explanation: [],
});

describe('coverageRows', () => {
  it('puts the unit’s own row first, then the sub-units furthest from done', () => {
    const rows = coverageRows(
      rollup(row('Đảng ủy Khối', 1, 3, 1), [row('Chi bộ A', 10, 10, 1), row('Chi bộ B', 0, 12), row('Chi bộ C', 0, 30), row('Chi bộ D', 5, 10, 1)]),
      (u) => `${u} (trực tiếp)`,
    );
    expect(rows.map((r) => r.name)).toEqual(['Đảng ủy Khối (trực tiếp)', 'Chi bộ C', 'Chi bộ B', 'Chi bộ D', 'Chi bộ A']);
  });

  it('keeps the server’s order among equals and lists a sub-unit with sessions but no members last', () => {
    const rows = coverageRows(rollup(null, [row('Chi bộ B', 0, 5), row('Chi bộ A', 0, 5), row('Ban Tuyên giáo', 0, 0, 1)]), (u) => u);
    expect(rows.map((r) => r.name)).toEqual(['Chi bộ B', 'Chi bộ A', 'Ban Tuyên giáo']);
  });
});
