import { describe, expect, it } from 'vitest';
import type { TreePath } from '../access/scope.ts';
import type { IsoDate } from '../ids.ts';
import type { UnitKind } from '../org-tree/kinds.ts';
import type { AudienceUnit } from './audience.ts';
import { audienceKey, isActiveOn, selectAudience } from './audience.ts';

const d = (s: string) => s as IsoDate;
function unit(id: string, parent: AudienceUnit | null, kind: UnitKind, validTo: string | null = null, validFrom = '2020-10-01'): AudienceUnit {
  return { id, parentId: parent?.id ?? null, path: (parent ? `${parent.path}.${id}` : id) as TreePath, kind, validFrom: d(validFrom), validTo: validTo ? d(validTo) : null };
}

// bloc → BTG (department), mass org, grassroots g → cells c1, c2 (c2 dissolved 2022-03-01), c3 (founded 2022-06-01); grassroots cell gc
const province = unit('p', null, 'province_committee');
const bloc = unit('b', province, 'bloc_committee');
const btg = unit('btg', bloc, 'department');
const union = unit('cd', bloc, 'mass_org');
const g = unit('g', bloc, 'grassroots');
const gc = unit('gc', bloc, 'grassroots_cell');
const c1 = unit('c1', g, 'cell');
const c2 = unit('c2', g, 'cell', '2022-03-01');
const c3 = unit('c3', g, 'cell', null, '2022-06-01');
const all = [province, bloc, btg, union, g, gc, c1, c2, c3];
const on = d('2022-03-11');
const ids = (a: Parameters<typeof selectAudience>[0], at = on) => selectAudience(a, bloc, all, at).map((u) => u.id);

describe('selectAudience', () => {
  it('"all grassroots organisations and cells" are the grassroots kinds strictly below, active that day', () => {
    expect(ids({ scope: 'grassroots' })).toEqual(['g', 'gc', 'c1']);
    expect(ids({ scope: 'grassroots' }, d('2022-07-01'))).toEqual(['g', 'gc', 'c1', 'c3']);
  });
  it('narrows grassroots and children by kind', () => {
    expect(ids({ scope: 'grassroots', kinds: ['cell'] })).toEqual(['c1']);
    expect(ids({ scope: 'children', kinds: ['mass_org'] })).toEqual(['cd']);
    expect(ids({ scope: 'children' })).toEqual(['btg', 'cd', 'g', 'gc']);
  });
  it('self is the issuing unit; listed units only within its subtree', () => {
    expect(ids({ scope: 'self' })).toEqual(['b']);
    expect(ids({ scope: 'units', unitIds: ['btg', 'p', 'c1'] })).toEqual(['btg', 'c1']);
  });
  it('kinds selects every unit of the kinds below, and nothing without kinds', () => {
    expect(ids({ scope: 'kinds', kinds: ['department', 'mass_org'] })).toEqual(['btg', 'cd']);
    expect(ids({ scope: 'kinds' })).toEqual([]);
  });
});

describe('isActiveOn and audienceKey', () => {
  it('a unit is gone on the day it is dissolved', () => {
    expect(isActiveOn(c2, d('2022-02-28'))).toBe(true);
    expect(isActiveOn(c2, d('2022-03-01'))).toBe(false);
    expect(isActiveOn(c3, d('2022-06-01'))).toBe(true);
  });
  it('keys an audience regardless of list order', () => {
    expect(audienceKey({ scope: 'units', unitIds: ['b', 'a'] })).toBe(audienceKey({ scope: 'units', unitIds: ['a', 'b'] }));
    expect(audienceKey({ scope: 'grassroots' })).not.toBe(audienceKey({ scope: 'children' }));
  });
});

describe("grassroots of the plan unit's own tree", () => {
  const youthBloc = unit('yb', bloc, 'youth_bloc');
  const youthBase = unit('yg', youthBloc, 'youth_grassroots');
  const youthCell = unit('yc', youthBase, 'youth_cell');
  const tree = [bloc, g, c1, youthBloc, youthBase, youthCell];
  it("a Party committee addresses Party grassroots and cells, not the youth union's", () => {
    expect(selectAudience({ scope: 'grassroots' }, bloc, tree, on).map((u) => u.id)).toEqual(['g', 'c1']);
  });
  it('a youth union addresses its own grassroots unions and cells', () => {
    expect(selectAudience({ scope: 'grassroots' }, youthBloc, tree, on).map((u) => u.id)).toEqual(['yg', 'yc']);
  });
});
