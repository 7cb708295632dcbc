import type { CoverageRollup, RollupRow } from '#shared/meetings.ts';

/**
 * The rows of the coverage table: the unit's own members and sessions first (named by `ownName`),
 * then the sub-units the server lists, those furthest from done first (the lowest share, then the
 * most members not yet studied), so the units to urge come to the top; equal ones keep the
 * server's name order.
 */
export function coverageRows(r: CoverageRollup, ownName: (unit: string) => string): RollupRow[] {
  const behind = (x: RollupRow) => x.mustStudy - x.studied;
  const share = (x: RollupRow) => (x.mustStudy === 0 ? 1 : x.studied / x.mustStudy);
  const children = r.children.map((c, i) => ({ c, i })).sort((a, b) => share(a.c) - share(b.c) || behind(b.c) - behind(a.c) || a.i - b.i).map((x) => x.c);
  return [...(r.own ? [{ ...r.own, name: ownName(r.own.name) }] : []), ...children];
}
