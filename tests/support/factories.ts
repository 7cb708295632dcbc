import { sql } from 'drizzle-orm';
import type { Role } from '#core/access/roles.ts';
import type { Actor } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { MemberCategory, Position, UnitKind } from '#core/org-tree/kinds.ts';
import { foldDiacritics, vietnameseNameSortKey } from '#core/text/fold.ts';
import type { Db } from '#server/db/client.ts';
import { getUnitRow, insertUnit } from '#server/db/queries/units.ts';
import { createUser } from '#server/services/users/users.ts';

export const SYSTEM: Actor = { userId: '00000000-0000-0000-0000-000000000000', username: 'test', superuser: true, grants: [] };
const FROM = '2020-10-01' as IsoDate;

/** Creates a unit under `parentId` (or a root), filling what the test does not care about. */
export async function buildUnit(db: Db, o: { parentId?: string | null; kind?: UnitKind; name?: string; validFrom?: IsoDate } = {}): Promise<string> {
  return db.transaction(async (tx) => {
    const parent = o.parentId ? await getUnitRow(tx, o.parentId) : null;
    const u = await insertUnit(tx, {
      parentId: parent?.id ?? null,
      parentPath: parent?.path ?? null,
      parentProvinceId: parent?.provinceId ?? null,
      kind: o.kind ?? (parent ? 'cell' : 'province_committee'),
      name: o.name ?? `Đơn vị ${Math.random().toString(36).slice(2, 8)}`,
      validFrom: o.validFrom ?? FROM,
    });
    return u.id;
  });
}

/** Creates a person with an active membership in a unit. */
export async function buildPerson(
  db: Db,
  unitId: string,
  o: { fullName?: string; category?: MemberCategory; positions?: Position[]; validFrom?: IsoDate } = {},
): Promise<string> {
  const fullName = o.fullName ?? `Nguyễn Văn ${Math.random().toString(36).slice(2, 6)}`;
  const r = await db.execute<{ id: string }>(sql`
    INSERT INTO person (full_name, name_folded, sort_key, unit_id) VALUES (${fullName}, ${foldDiacritics(fullName)}, ${vietnameseNameSortKey(fullName)}, ${unitId}) RETURNING id`);
  const id = r.rows[0]!.id;
  await db.execute(sql`INSERT INTO membership (person_id, unit_id, category, positions, valid_from)
    VALUES (${id}, ${unitId}, ${o.category ?? 'party_full'}, ${`{${(o.positions ?? []).join(',')}}`}::text[], ${o.validFrom ?? FROM})`);
  return id;
}

export async function buildUser(db: Db, username: string, grants: { unitId: string; role: Role }[], o: { superuser?: boolean; personId?: string } = {}): Promise<string> {
  const { id } = await db.transaction((tx) =>
    createUser({ username, password: 'mat-khau-123', grants, superuser: o.superuser ?? false, personId: o.personId ?? null }, { actor: null, tx, now: new Date() }),
  );
  return id;
}

export const PASSWORD = 'mat-khau-123';

/**
 * A small tree for access tests:
 * province → bloc → grassroots → cells c1, c2 (each with two members), and the users
 * admin (superuser), sec1 (secretary of c1), sec2 (secretary of c2), staff (staff of bloc),
 * viewer (viewer of province), inspector (inspector of bloc), member1 (member of c1).
 */
export async function buildTree(db: Db) {
  const province = await buildUnit(db, { kind: 'province_committee', name: 'Tỉnh ủy Tuyên Quang' });
  const bloc = await buildUnit(db, { parentId: province, kind: 'bloc_committee', name: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh' });
  const grassroots = await buildUnit(db, { parentId: bloc, kind: 'grassroots', name: 'Đảng bộ Sở Tài chính' });
  const c1 = await buildUnit(db, { parentId: grassroots, kind: 'cell', name: 'Chi bộ Văn phòng Sở' });
  const c2 = await buildUnit(db, { parentId: grassroots, kind: 'cell', name: 'Chi bộ Thanh tra Sở' });
  const p1 = await buildPerson(db, c1, { fullName: 'Nguyễn Thị Hoa', positions: ['secretary'] });
  const p1b = await buildPerson(db, c1, { fullName: 'Trần Văn Bình' });
  const p2 = await buildPerson(db, c2, { fullName: 'Lê Văn Cường', positions: ['secretary'] });
  const p2b = await buildPerson(db, c2, { fullName: 'Phạm Thị Dung', category: 'party_probationary' });
  const pBloc = await buildPerson(db, bloc, { fullName: 'Hoàng Văn Em' });
  const users = {
    admin: await buildUser(db, 'admin', [], { superuser: true }),
    sec1: await buildUser(db, 'sec1', [{ unitId: c1, role: 'secretary' }], { personId: p1 }),
    sec2: await buildUser(db, 'sec2', [{ unitId: c2, role: 'secretary' }], { personId: p2 }),
    staff: await buildUser(db, 'staff', [{ unitId: bloc, role: 'staff' }]),
    viewer: await buildUser(db, 'viewer', [{ unitId: province, role: 'viewer' }]),
    inspector: await buildUser(db, 'inspector', [{ unitId: bloc, role: 'inspector' }]),
    member1: await buildUser(db, 'member1', [{ unitId: c1, role: 'member' }], { personId: p1b }),
  };
  return { units: { province, bloc, grassroots, c1, c2 }, people: { p1, p1b, p2, p2b, pBloc }, users };
}
