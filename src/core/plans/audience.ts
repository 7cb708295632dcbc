import type { TreePath } from '../access/scope.ts';
import { isWithin } from '../access/scope.ts';
import type { IsoDate } from '../ids.ts';
import type { UnitKind } from '../org-tree/kinds.ts';
import { grassrootsKindsOf } from '../org-tree/kinds.ts';

/**
 * Who must carry out a task or send a report: the audience of a plan's item, relative to the unit
 * that issues the plan.
 * - `grassroots`: every grassroots organisation and cell of the plan unit's own tree (Party or
 *   youth) strictly below it ("các chi, đảng bộ cơ sở"), optionally only of `kinds`;
 * - `children`: the units directly below it, optionally only of `kinds` ("các đoàn thể Khối");
 * - `self`: the plan's unit itself (work of the issuing committee);
 * - `units`: the units listed, within the plan unit's subtree ("Ban Tuyên giáo");
 * - `kinds`: every unit of the listed kinds strictly below the plan's unit.
 */
export const AUDIENCE_SCOPES = ['grassroots', 'children', 'self', 'units', 'kinds'] as const;
export type AudienceScope = (typeof AUDIENCE_SCOPES)[number];

export interface Audience {
  scope: AudienceScope;
  kinds?: readonly UnitKind[] | undefined;
  unitIds?: readonly string[] | undefined;
}

export const AUDIENCE_SCOPE_LABELS: Record<AudienceScope, { vi: string; en: string }> = {
  grassroots: { vi: 'Các chi bộ, đảng bộ cơ sở trực thuộc', en: 'Grassroots organisations and cells below' },
  children: { vi: 'Các đơn vị trực thuộc trực tiếp', en: 'Units directly below' },
  self: { vi: 'Đơn vị ban hành', en: 'The issuing unit' },
  units: { vi: 'Các đơn vị được chọn', en: 'Selected units' },
  kinds: { vi: 'Các đơn vị theo loại', en: 'Units of the selected kinds' },
};

/** The part of a unit the audience rules look at. */
export interface AudienceUnit {
  id: string;
  parentId: string | null;
  path: TreePath;
  kind: UnitKind;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** True when the unit exists on `on`: founded on or before it and not dissolved or merged away by then. */
export function isActiveOn(u: Pick<AudienceUnit, 'validFrom' | 'validTo'>, on: IsoDate): boolean {
  return u.validFrom <= on && (u.validTo === null || u.validTo > on);
}

/** True when the audience rule names `u` (activity aside) for a plan issued by `planUnit`. */
export function inAudience(a: Audience, planUnit: { id: string; path: TreePath; kind?: UnitKind }, u: AudienceUnit): boolean {
  const below = u.id !== planUnit.id && isWithin(u.path, planUnit.path);
  const kindOk = (fallback: boolean) => (a.kinds && a.kinds.length > 0 ? a.kinds.includes(u.kind) : fallback);
  switch (a.scope) {
    case 'grassroots':
      return below && grassrootsKindsOf(planUnit.kind).includes(u.kind) && kindOk(true);
    case 'children':
      return u.parentId === planUnit.id && kindOk(true);
    case 'self':
      return u.id === planUnit.id;
    case 'units':
      return (a.unitIds ?? []).includes(u.id) && isWithin(u.path, planUnit.path);
    case 'kinds':
      return below && kindOk(false);
  }
}

/** The units of `units` that must carry out an item with audience `a`, as of `on` (active units only). */
export function selectAudience<U extends AudienceUnit>(a: Audience, planUnit: { id: string; path: TreePath; kind?: UnitKind }, units: readonly U[], on: IsoDate): U[] {
  return units.filter((u) => isActiveOn(u, on) && inAudience(a, planUnit, u));
}

/** A stable key of an audience rule, so items with the same audience are resolved together. */
export function audienceKey(a: Audience): string {
  const kinds = [...(a.kinds ?? [])].sort().join(',');
  const ids = [...(a.unitIds ?? [])].sort().join(',');
  return `${a.scope}|${kinds}|${ids}`;
}
