/**
 * The sizes the benchmark builds. `national` is the country of DESIGN.md "Scale": 34 provinces,
 * about 1,700 bodies below them, 70,000 grassroots organisations, 270,000 cells and 5.6 million
 * members. `province` is one province of the same shape (about 1/34 of it); `small` is a few
 * hundred units, for CI.
 */
export type ScaleName = 'small' | 'province' | 'national';
export const SCALE_NAMES: readonly ScaleName[] = ['small', 'province', 'national'];

export interface Scale {
  name: ScaleName;
  provinces: number;
  /** Bodies directly below each provincial committee: departments, bloc committees, district committees. */
  departmentsPerProvince: number;
  blocsPerProvince: number;
  districtsPerProvince: number;
  /** Grassroots organisations below each bloc or district committee: uniform in [min, max]. */
  grassrootsPerBody: readonly [number, number];
  /** Share of grassroots organisations that are "đảng bộ cơ sở" (with cells); the others are "chi bộ cơ sở". */
  grassrootsWithCells: number;
  /** Cells below a "đảng bộ cơ sở": uniform in [min, max]. */
  cellsPerGrassroots: readonly [number, number];
  /** Members of each cell and each "chi bộ cơ sở": uniform in [min, max]. */
  membersPerCell: readonly [number, number];
  /** Published plans, each with one task (even) or one report (odd) for every grassroots organisation and cell. */
  plans: number;
  /** Requests per level for the roll-up p95, requests for the search p95, runs of the naive query. */
  samples: { rollup: number; search: number; naive: number };
  /** Seconds of each HTTP load run (submissions, the bare route) and of the dashboard run. */
  loadSeconds: number;
  /**
   * What PGlite builds, when less than PostgreSQL: the embedded database writes several times
   * slower, so at national scale it gets the whole tree and fewer plans, without the members (no
   * PGlite figure reads them), to stay within the run's time.
   */
  pglite?: { members: boolean; plans: number };
}

// National: 34 × (4 + 2 + 44) = 1,700 bodies; 34 × 46 × 44.5 ≈ 69,600 grassroots organisations;
// 45% of them with 3–14 cells (8.5 on average) ≈ 266,000 cells; (266,000 + 38,300) × 18 ≈ 5.5 million members.
const NATIONAL_SHAPE = {
  departmentsPerProvince: 4,
  blocsPerProvince: 2,
  districtsPerProvince: 44,
  grassrootsPerBody: [22, 67] as const,
  grassrootsWithCells: 0.45,
  cellsPerGrassroots: [3, 14] as const,
  membersPerCell: [6, 30] as const,
  plans: 10,
};

export const SCALES: Record<ScaleName, Scale> = {
  national: {
    name: 'national', provinces: 34, ...NATIONAL_SHAPE, samples: { rollup: 200, search: 100, naive: 3 }, loadSeconds: 15,
    pglite: { members: false, plans: 2 },
  },
  province: { name: 'province', provinces: 1, ...NATIONAL_SHAPE, samples: { rollup: 200, search: 100, naive: 5 }, loadSeconds: 10 },
  small: {
    name: 'small',
    provinces: 2,
    departmentsPerProvince: 1,
    blocsPerProvince: 1,
    districtsPerProvince: 2,
    grassrootsPerBody: [3, 6],
    grassrootsWithCells: 0.5,
    cellsPerGrassroots: [2, 4],
    membersPerCell: [3, 8],
    plans: 10,
    samples: { rollup: 20, search: 20, naive: 3 },
    loadSeconds: 1,
  },
};
