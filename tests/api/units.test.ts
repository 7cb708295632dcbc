import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTree, buildUser, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof buildTree>>;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await buildTree(t.database.db);
  staff = await t.login('staff', PASSWORD);
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, cookie = staff) => t.request(cookie, { method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (url: string, cookie = staff) => t.request(cookie, { method: 'GET', url });
const names = (res: { json: () => unknown }) => (res.json() as { name: string }[]).map((u) => u.name);

async function newCell(name: string, parentId = tree.units.grassroots, validFrom = '2021-01-01'): Promise<string> {
  const res = await post('/api/units', { parentId, kind: 'cell', name, validFrom });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('create and rename', () => {
  it('creates a unit visible under its parent and records the event', async () => {
    const id = await newCell('Chi bộ Phòng Ngân sách');
    expect(names(await get(`/api/units/${tree.units.grassroots}/children`))).toContain('Chi bộ Phòng Ngân sách');
    const detail = (await get(`/api/units/${id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['create']);
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh ủy Tuyên Quang', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'Đảng bộ Sở Tài chính']);
  });

  it('renames with an effective date: the tree before that date keeps the old name', async () => {
    const id = await newCell('Chi bộ Phòng Tin học');
    const res = await t.request(staff, { method: 'PATCH', url: `/api/units/${id}`, payload: { name: 'Chi bộ Phòng Chuyển đổi số', on: '2022-06-01' } });
    expect(res.statusCode, res.body).toBe(204);
    expect(names(await get(`/api/units/${tree.units.grassroots}/children?on=2022-03-01`))).toContain('Chi bộ Phòng Tin học');
    expect(names(await get(`/api/units/${tree.units.grassroots}/children?on=2022-07-01`))).toContain('Chi bộ Phòng Chuyển đổi số');
    expect(names(await get(`/api/units/${tree.units.grassroots}/children`))).toContain('Chi bộ Phòng Chuyển đổi số');
  });

  it('shows the tree as it stood before a unit existed', async () => {
    await newCell('Chi bộ Thành lập 2023', tree.units.grassroots, '2023-01-01');
    expect(names(await get(`/api/units/${tree.units.grassroots}/children?on=2022-03-11`))).not.toContain('Chi bộ Thành lập 2023');
    expect(names(await get(`/api/units/${tree.units.grassroots}/children?on=2023-03-11`))).toContain('Chi bộ Thành lập 2023');
  });
});

describe('merge', () => {
  it('merges two cells into a new one: members and history are found under the new cell', async () => {
    const a = await newCell('Chi bộ Kế toán');
    const b = await newCell('Chi bộ Kho quỹ');
    const pa = await buildPerson(t.database.db, a, { fullName: 'Ngô Thị Mai', positions: ['secretary'], validFrom: '2021-02-01' as never });
    const pb = await buildPerson(t.database.db, b, { fullName: 'Bùi Văn Nam', validFrom: '2021-02-01' as never });
    const res = await post('/api/units/merge', { sourceIds: [a, b], newUnit: { parentId: tree.units.grassroots, kind: 'cell', name: 'Chi bộ Kế toán - Kho quỹ' }, on: '2022-07-01' });
    expect(res.statusCode, res.body).toBe(201);
    const merged = res.json().id as string;

    // Today's tree: the old cells are gone, the new one is there.
    const today = names(await get(`/api/units/${tree.units.grassroots}/children`));
    expect(today).toContain('Chi bộ Kế toán - Kho quỹ');
    expect(today).not.toContain('Chi bộ Kế toán');
    // The tree of the first half of 2022 still shows the old cells.
    const before = names(await get(`/api/units/${tree.units.grassroots}/children?on=2022-03-11`));
    expect(before).toEqual(expect.arrayContaining(['Chi bộ Kế toán', 'Chi bộ Kho quỹ']));
    expect(before).not.toContain('Chi bộ Kế toán - Kho quỹ');

    // Members moved with a dated transfer; their history is kept.
    const members = await t.database.db.execute<{ person_id: string; unit_id: string; valid_from: string; valid_to: string | null }>(sql`
      SELECT person_id, unit_id, valid_from::text, valid_to::text FROM membership WHERE person_id IN (${pa}, ${pb}) ORDER BY person_id, valid_from`);
    const current = members.rows.filter((m) => m.valid_to === null);
    expect(current.map((m) => m.unit_id)).toEqual([merged, merged]);
    expect(members.rows.filter((m) => m.valid_to === '2022-07-01').map((m) => m.unit_id).sort()).toEqual([a, b].sort());

    // The new cell shows what it absorbed and the merge event; the old cells point to it.
    const detail = (await get(`/api/units/${merged}`)).json();
    expect(detail.absorbed.map((u: { name: string }) => u.name).sort()).toEqual(['Chi bộ Kho quỹ', 'Chi bộ Kế toán']);
    expect(detail.events.some((e: { kind: string }) => e.kind === 'merge')).toBe(true);
    expect(detail.memberCount).toBe(2);
    // Ended units are left out of search unless asked for.
    const found = (q: string) => get(`/api/units?q=${encodeURIComponent(q)}`).then((r) => r.json().items.map((u: { name: string }) => u.name));
    expect(await found('chi bo kho quy')).toEqual(['Chi bộ Kế toán - Kho quỹ']);
    const withEnded = await get(`/api/units?q=chi%20bo%20kho%20quy&ended=true`).then((r) => r.json().items.map((u: { name: string }) => u.name));
    expect(withEnded.sort()).toEqual(['Chi bộ Kho quỹ', 'Chi bộ Kế toán - Kho quỹ']);
    const old = (await get(`/api/units/${a}`)).json();
    expect(old.mergedInto).toEqual({ id: merged, name: 'Chi bộ Kế toán - Kho quỹ' });
    expect(old.validTo).toBe('2022-07-01');

    // A secretary of the new cell reads the old cells' records: they are under the new cell now.
    await buildUser(t.database.db, 'sec.merged', [{ unitId: merged, role: 'secretary' }]);
    const sec = await t.login('sec.merged', PASSWORD);
    expect((await get(`/api/units/${a}`, sec)).statusCode).toBe(200);
    expect((await get(`/api/units/${b}`, sec)).statusCode).toBe(200);
    const audit = (await get(`/api/audit?unitId=${merged}`, sec)).json();
    expect(audit.items.some((e: { action: string }) => e.action === 'unit.merge')).toBe(true);
  });

  it('refuses merging a unit into its own sub-unit', async () => {
    const res = await post('/api/units/merge', { sourceIds: [tree.units.grassroots], targetId: tree.units.c1, on: '2022-07-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/cấp dưới/);
  });
});

describe('split, move and dissolve', () => {
  it('splits a cell in two and divides its members', async () => {
    const cell = await newCell('Chi bộ Hành chính - Tổng hợp');
    const p1 = await buildPerson(t.database.db, cell, { fullName: 'Đặng Văn Phúc', validFrom: '2021-02-01' as never });
    const p2 = await buildPerson(t.database.db, cell, { fullName: 'Võ Thị Quyên', validFrom: '2021-02-01' as never });
    const res = await post(`/api/units/${cell}/split`, { parts: [{ name: 'Chi bộ Hành chính', personIds: [p1] }, { name: 'Chi bộ Tổng hợp', personIds: [p2] }], on: '2022-09-01' });
    expect(res.statusCode, res.body).toBe(201);
    const [h, th] = res.json().ids as string[];
    const current = await t.database.db.execute<{ person_id: string; unit_id: string }>(sql`SELECT person_id, unit_id FROM membership WHERE person_id IN (${p1}, ${p2}) AND valid_to IS NULL`);
    expect(Object.fromEntries(current.rows.map((r) => [r.person_id, r.unit_id]))).toEqual({ [p1]: h, [p2]: th });
    expect((await get(`/api/units/${cell}`)).json().validTo).toBe('2022-09-01');
  });

  it('moves a unit with its subtree and refuses a move into itself', async () => {
    const cell = await newCell('Chi bộ Lưu động');
    const res = await post(`/api/units/${cell}/move`, { parentId: tree.units.bloc, on: '2022-05-01' });
    expect(res.statusCode, res.body).toBe(204);
    expect(names(await get(`/api/units/${tree.units.bloc}/children`))).toContain('Chi bộ Lưu động');
    expect(names(await get(`/api/units/${tree.units.grassroots}/children?on=2022-04-01`))).toContain('Chi bộ Lưu động');
    // Depth follows the new place: the cell now sits one level higher, under the bloc.
    const depths = await t.database.db.execute<{ id: string; depth: number; n: number }>(sql`
      SELECT id, depth, nlevel(path) AS n FROM unit WHERE id IN (${cell}, ${tree.units.bloc})`);
    for (const r of depths.rows) expect(r.depth).toBe(r.n);
    const loop = await post(`/api/units/${tree.units.grassroots}/move`, { parentId: tree.units.c1, on: '2022-05-01' });
    expect(loop.statusCode).toBe(400);
  });

  it('refuses to dissolve a unit that still has members, then dissolves it once empty', async () => {
    const cell = await newCell('Chi bộ Tạm thời');
    await buildPerson(t.database.db, cell, { fullName: 'Lý Văn Sơn' });
    const refused = await post(`/api/units/${cell}/dissolve`, { on: '2022-05-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/thành viên/);
    await t.database.db.execute(sql`UPDATE membership SET valid_to = '2022-04-30' WHERE unit_id = ${cell}`);
    expect((await post(`/api/units/${cell}/dissolve`, { on: '2022-05-01' })).statusCode).toBe(204);
    expect(names(await get(`/api/units/${tree.units.grassroots}/children`))).not.toContain('Chi bộ Tạm thời');
  });
});
