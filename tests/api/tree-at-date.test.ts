/**
 * The tree at a past date (docs/decisions/003): the top units, the sub-unit counts, the search and a
 * unit's page all read the tree as it stood that day, not today's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTree, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;
let sec1: string;
/** Cells of Đảng bộ Sở Tài chính: one renamed, two merged into a third; a đảng bộ of the Khối dissolved. */
const ids = { planning: '', vault: '', accounts: '', merged: '', building: '' };
const ON = '2022-06-01';

const get = (url: string, cookie = staff) => t.request(cookie, { method: 'GET', url });
const post = async (url: string, payload: Record<string, unknown>) => {
  const res = await t.request(staff, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.statusCode === 204 ? null : (res.json() as { id: string });
};

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
  staff = await t.login('staff', PASSWORD);
  sec1 = await t.login('sec1', PASSWORD);
  const cell = async (name: string, parentId = tree.units.grassroots, kind = 'cell') => (await post('/api/units', { parentId, kind, name, validFrom: '2021-01-01' }))!.id;
  ids.planning = await cell('Chi bộ Sở Kế hoạch');
  ids.vault = await cell('Chi bộ Kho quỹ');
  ids.accounts = await cell('Chi bộ Kế toán');
  ids.building = await cell('Đảng bộ Sở Xây dựng', tree.units.bloc, 'grassroots');
  await buildPerson(t.database.db, ids.vault, { fullName: 'Bùi Văn Nam', positions: ['secretary'], validFrom: '2021-02-01' as never });
  const renamed = await t.request(staff, { method: 'PATCH', url: `/api/units/${ids.planning}`, payload: { name: 'Chi bộ Phòng Tổng hợp', on: '2022-07-01' } });
  expect(renamed.statusCode, renamed.body).toBe(204);
  ids.merged = (await post('/api/units/merge', { sourceIds: [ids.vault, ids.accounts], newUnit: { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kế toán - Kho quỹ' }, on: '2022-07-01' }))!.id;
  await post(`/api/units/${ids.building}/dissolve`, { on: '2022-07-01' });
});
afterAll(() => t.close());

type Summary = { id: string; name: string; childCount: number; path?: string[] };

describe('the tree at a past date', () => {
  it('counts the sub-units of the top units and of each unit as they stood that day', async () => {
    const roots = (await get(`/api/units?on=${ON}`)).json().items as Summary[];
    expect(roots.map((r) => [r.name, r.childCount])).toEqual([['Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 2]]);
    expect(((await get('/api/units')).json().items as Summary[]).map((r) => r.childCount)).toEqual([1]);

    const children = (await get(`/api/units/${tree.units.bloc}/children?on=${ON}`)).json() as Summary[];
    const grassroots = children.find((c) => c.id === tree.units.grassroots)!;
    const listed = (await get(`/api/units/${tree.units.grassroots}/children?on=${ON}`)).json() as Summary[];
    expect(listed.map((c) => c.name).sort()).toEqual(['Chi bộ Kho quỹ', 'Chi bộ Kế toán', 'Chi bộ Sở Kế hoạch', 'Chi bộ Thanh tra Sở', 'Chi bộ Văn phòng Sở']);
    expect(grassroots.childCount).toBe(listed.length);
    // Its page of that day says the same; today's says today's.
    expect((await get(`/api/units/${tree.units.grassroots}?on=${ON}`)).json().childCount).toBe(5);
    expect((await get(`/api/units/${tree.units.grassroots}`)).json().childCount).toBe(4);
  });

  it('searches the names units had that day, with their place in that day\'s tree', async () => {
    const found = async (q: string, on?: string, cookie = staff) =>
      ((await get(`/api/units?q=${encodeURIComponent(q)}${on ? `&on=${on}` : ''}`, cookie)).json() as { items: Summary[]; total: number });
    const past = await found('so ke hoach', ON);
    expect(past.items.map((u) => [u.id, u.name])).toEqual([[ids.planning, 'Chi bộ Sở Kế hoạch']]);
    expect(past.total).toBe(1);
    expect(past.items[0]!.path).toEqual(['Tỉnh ủy Tuyên Quang', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'Đảng bộ Sở Tài chính']);
    expect((await found('so ke hoach')).total).toBe(0);
    expect((await found('tong hop', ON)).total).toBe(0);
    expect((await found('kho quy', ON)).items.map((u) => u.name)).toEqual(['Chi bộ Kho quỹ']);
    expect((await found('kho quy')).items.map((u) => u.name)).toEqual(['Chi bộ Kế toán - Kho quỹ']);
    expect((await found('xay dung', ON)).items.map((u) => u.name)).toEqual(['Đảng bộ Sở Xây dựng']);
    // Within what the user may read, that day as today.
    expect((await found('chi bo', ON, sec1)).items.map((u) => u.id)).toEqual([tree.units.c1]);
  });

  it('shows a unit as it stood that day: its name, sub-units, members and leaders then', async () => {
    const vault = (await get(`/api/units/${ids.vault}?on=${ON}`)).json();
    expect(vault).toMatchObject({ on: ON, name: 'Chi bộ Kho quỹ', memberCount: 1, validTo: '2022-07-01', parentId: tree.units.grassroots });
    expect(vault.leaders.map((l: { fullName: string }) => l.fullName)).toEqual(['Bùi Văn Nam']);
    expect(vault.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh ủy Tuyên Quang', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'Đảng bộ Sở Tài chính']);
    expect((await get(`/api/units/${ids.vault}`)).json()).toMatchObject({ on: null, memberCount: 0 });

    expect((await get(`/api/units/${ids.planning}?on=${ON}`)).json().name).toBe('Chi bộ Sở Kế hoạch');
    expect((await get(`/api/units/${ids.planning}`)).json().name).toBe('Chi bộ Phòng Tổng hợp');

    // A unit that did not exist that day is not shown as an empty one.
    const before = await get(`/api/units/${ids.merged}?on=${ON}`);
    expect(before.statusCode).toBe(404);
    expect(before.json().error.message).toBe('Đơn vị không có trong cây tổ chức ngày 01/06/2022.');
  });

  it('keeps another unit\'s past as closed as its present', async () => {
    expect((await get(`/api/units/${ids.vault}?on=${ON}`, sec1)).statusCode).toBe(404);
    expect((await get(`/api/units/${tree.units.c2}?on=${ON}`, sec1)).statusCode).toBe(404);
    expect((await get(`/api/units/${tree.units.c1}?on=${ON}`, sec1)).statusCode).toBe(200);
    expect(((await get(`/api/units?on=${ON}`, sec1)).json().items as Summary[]).map((r) => r.id)).toEqual([tree.units.c1]);
    const bad = await get(`/api/units/${tree.units.c1}?on=2022-02-30`, sec1);
    expect(bad.statusCode).toBe(400);
  });
});
