/**
 * The audit log is append-only: the database itself refuses to change or remove an entry, and the
 * connection the server runs on may only add to it and read it (docs/decisions/011). Signing in,
 * failing to and signing out are recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client.ts';
import { writeAudit } from '#server/db/queries/audit.ts';
import { AUDIT_ACTIONS } from '#shared/audit.ts';
import { buildTree, PASSWORD } from '../support/factories.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { freshDatabase } from '../support/test-db.ts';

describe('the audit log in the database', () => {
  let owner: Database;
  let server: Database;
  beforeAll(async () => {
    owner = await freshDatabase({ as: 'owner' });
    server = await freshDatabase();
  });
  afterAll(async () => {
    await owner.close();
    await server.close();
  });

  it('keeps the audit log append-only, even for the owner of the table', async () => {
    await owner.db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test', 'test')`);
    await expect(owner.db.execute(sql`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow();
    await expect(owner.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(owner.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const r = await owner.db.execute<{ action: string }>(sql`SELECT action FROM audit_log`);
    expect(r.rows).toEqual([{ action: 'test' }]);
  });

  it('lets the server\'s own connection add and read entries, and nothing else', async () => {
    await server.db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test', 'test')`);
    const refused = [
      'TRUNCATE audit_log',
      "UPDATE audit_log SET action = 'changed'",
      'DELETE FROM audit_log',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'DROP TRIGGER audit_log_no_update ON audit_log',
      'DROP TABLE audit_log',
    ];
    for (const statement of refused) {
      // The driver's error names the statement; the database's own refusal is its cause.
      const error = await server.db.execute(sql.raw(statement)).then(() => null, (e: unknown) => e as Error & { cause?: Error });
      expect(error, statement).not.toBeNull();
      expect(error?.cause?.message ?? error?.message, statement).toMatch(/permission denied|must be owner|append-only/);
    }
    // Each refusal left the entry, the table and its triggers as they were.
    const r = await server.db.execute<{ action: string }>(sql`SELECT action FROM audit_log`);
    expect(r.rows).toEqual([{ action: 'test' }]);
    const triggers = await owner.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgenabled = 'O'`);
    expect(triggers.rows[0]!.n).toBe(2);
  });

  it('runs the server\'s statements as the application role, which owns nothing', async () => {
    const r = await server.db.execute<{ role: string; owns: number }>(sql`
      SELECT current_user AS role, (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns`);
    expect(r.rows).toEqual([{ role: 'trienkhai_app', owns: 0 }]);
  });
});

describe('signing in and out is recorded', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildTree(t.database.db);
  });
  afterAll(() => t.close());

  const entries = async (action: string) =>
    (await t.database.db.execute<{ actor_id: string | null; actor_name: string; entity_id: string | null; row: string }>(
      sql`SELECT actor_id, actor_name, entity_id, a::text AS row FROM audit_log a WHERE action = ${action} ORDER BY id`,
    )).rows;

  it('records a failed sign-in with a known user name, without the password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sec1', password: 'doan-mo-123' } });
    expect(res.statusCode).toBe(401);
    const rows = await entries('auth.login_failed');
    expect(rows.map(({ actor_id, actor_name, entity_id }) => ({ actor_id, actor_name, entity_id }))).toEqual([{ actor_id: null, actor_name: 'sec1', entity_id: tree.users.sec1 }]);
    expect(rows[0]!.row).not.toContain('doan-mo-123');
  });

  it('records a failed sign-in with an unknown user name, without the password', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'Khong-Co-Ai', password: 'doan-mo-456' } });
    const rows = await entries('auth.login_failed');
    expect(rows.at(-1)).toMatchObject({ actor_id: null, actor_name: 'Khong-Co-Ai', entity_id: null });
    expect(rows.at(-1)!.row).not.toContain('doan-mo-456');
  });

  it('records a sign-in and a sign-out', async () => {
    const cookie = await t.login('sec2', PASSWORD);
    const out = await t.request(cookie, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await entries('auth.login')).at(-1)).toMatchObject({ actor_id: tree.users.sec2, entity_id: tree.users.sec2 });
    expect(await entries('auth.logout')).toMatchObject([{ actor_id: tree.users.sec2, actor_name: 'sec2', entity_id: tree.users.sec2 }]);
  });
});

describe('reading the audit log', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let admin: string;
  let sec1: string;
  let inspector: string;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await buildTree(t.database.db);
    const db = t.database.db;
    const path = async (id: string) => (await db.execute<{ path: string }>(sql`SELECT path::text AS path FROM unit WHERE id = ${id}`)).rows[0]!.path;
    const [c1, c2, bloc] = [await path(tree.units.c1), await path(tree.units.c2), await path(tree.units.bloc)];
    const as1 = { userId: tree.users.sec1, username: 'sec1' };
    const as2 = { userId: tree.users.sec2, username: 'sec2' };
    // 10/03 17:30 UTC is already 11/03 in Vietnam.
    await writeAudit(db, as1, { action: 'report.submit', entity: 'submission', entityId: 'x1', unitPath: c1 }, new Date('2024-03-10T16:30:00Z'));
    await writeAudit(db, as1, { action: 'report.submit', entity: 'submission', entityId: 'x2', unitPath: c1 }, new Date('2024-03-10T17:30:00Z'));
    await writeAudit(db, as2, { action: 'report.submit', entity: 'submission', entityId: 'x3', unitPath: c2 }, new Date('2024-03-12T02:00:00Z'));
    await writeAudit(db, as2, { action: 'task_instance.update', entity: 'task_instance', entityId: 'x4', unitPath: c2 }, new Date('2024-03-13T02:00:00Z'));
    await writeAudit(db, { userId: tree.users.staff, username: 'staff' }, { action: 'report.accept', entity: 'submission', entityId: 'x5', unitPath: bloc }, new Date('2024-03-14T02:00:00Z'));
    await writeAudit(db, null, { action: 'user.update', entity: 'user', entityId: tree.users.sec1, unitPath: null }, new Date('2024-03-15T02:00:00Z'));
    admin = await t.login('admin', PASSWORD);
    sec1 = await t.login('sec1', PASSWORD);
    inspector = await t.login('inspector', PASSWORD);
  });
  afterAll(() => t.close());

  type Entry = { action: string; entityId: string | null; actorName: string | null; actorFullName: string | null; unit: { id: string; name: string; parentName: string | null } | null };
  const read = async (cookie: string, query = '') => {
    const res = await t.request(cookie, { method: 'GET', url: `/api/audit${query ? `?${query}` : ''}` });
    return { status: res.statusCode, body: res.json() as { items: Entry[]; total: number; more: boolean; error?: { message: string } } };
  };
  /** The entries written above (not the sign-ins of the tests' own sessions), newest first. */
  const written = (items: Entry[]) => items.filter((e) => e.entityId?.startsWith('x') || e.action === 'user.update').map((e) => e.entityId);

  it('shows an administrator the whole tree, with the full name beside the login and the unit with its parent', async () => {
    const { status, body } = await read(admin);
    expect(status).toBe(200);
    expect(written(body.items)).toEqual([tree.users.sec1, 'x5', 'x4', 'x3', 'x2', 'x1']);
    const x2 = body.items.find((e) => e.entityId === 'x2')!;
    expect(x2).toMatchObject({ actorName: 'sec1', actorFullName: 'Nguyễn Thị Hoa', unit: { id: tree.units.c1, name: 'Chi bộ Văn phòng Sở', parentName: 'Đảng bộ Sở Tài chính' } });
    expect(body.items.find((e) => e.action === 'user.update')).toMatchObject({ actorName: 'system', actorFullName: null, unit: null });
  });

  it('keeps everyone else to the subtrees they may read the log of, whatever unit they ask for', async () => {
    expect(written((await read(sec1)).body.items)).toEqual(['x2', 'x1']);
    expect(written((await read(inspector)).body.items)).toEqual(['x5', 'x4', 'x3', 'x2', 'x1']);
    expect((await read(sec1, `unitId=${tree.units.c2}`)).status).toBe(404);
    expect((await read(sec1, `unitId=${tree.units.bloc}`)).status).toBe(404);
    // A person filter naming someone of another unit finds nothing of theirs.
    expect(written((await read(sec1, 'person=sec2')).body.items)).toEqual([]);
  });

  it('filters by person: words of the full name or the login, diacritics and case ignored', async () => {
    expect(written((await read(admin, `person=${encodeURIComponent('nguyen thi hoa')}`)).body.items)).toEqual(['x2', 'x1']);
    expect(written((await read(admin, `person=${encodeURIComponent('HOA')}`)).body.items)).toEqual(['x2', 'x1']);
    expect(written((await read(admin, 'person=SEC2')).body.items)).toEqual(['x4', 'x3']);
    expect(written((await read(admin, `person=${encodeURIComponent('cường')}`)).body.items)).toEqual(['x4', 'x3']);
    expect(written((await read(admin, 'person=khong%20ai')).body.items)).toEqual([]);
    expect(written((await read(admin, 'person=hoa%25')).body.items)).toEqual([]);
  });

  it('filters by action, and refuses a code that is not one of the labelled actions', async () => {
    expect(written((await read(admin, 'action=report.submit')).body.items)).toEqual(['x3', 'x2', 'x1']);
    expect(written((await read(admin, 'action=report.accept&person=staff')).body.items)).toEqual(['x5']);
    const bad = await read(admin, 'action=report.delete_everything');
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/Thao tác không hợp lệ/);
  });

  it('filters by days in Vietnam\'s time, both days included, and refuses a range that ends before it starts', async () => {
    expect(written((await read(admin, 'from=2024-03-11&to=2024-03-11')).body.items)).toEqual(['x2']);
    expect(written((await read(admin, 'to=2024-03-10')).body.items)).toEqual(['x1']);
    expect(written((await read(admin, 'from=2024-03-12&to=2024-03-14&action=report.submit')).body.items)).toEqual(['x3']);
    const reversed = await read(admin, 'from=2024-03-14&to=2024-03-12');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error!.message).toMatch(/Đến ngày.*Từ ngày/);
    const impossible = await read(admin, 'from=2024-02-30');
    expect(impossible.status).toBe(400);
    expect(impossible.body.error!.message).toMatch(/Ngày không hợp lệ/);
  });

  it('pages a filtered list: the total counts the filtered entries, pages do not overlap', async () => {
    const q = 'from=2024-01-01&to=2024-03-15&limit=2';
    const first = (await read(admin, q)).body;
    const second = (await read(admin, `${q}&offset=2`)).body;
    const third = (await read(admin, `${q}&offset=4`)).body;
    expect([first.total, second.total, third.total]).toEqual([6, 6, 6]);
    expect(first.more).toBe(false);
    expect([...first.items, ...second.items, ...third.items].map((e) => e.entityId)).toEqual([tree.users.sec1, 'x5', 'x4', 'x3', 'x2', 'x1']);
  });

  it('reads each filter through an index of its own', async () => {
    const plan = async (where: string) => {
      const r = await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        return tx.execute<{ 'QUERY PLAN': string }>(sql.raw(`EXPLAIN SELECT * FROM audit_log a WHERE ${where} ORDER BY at DESC LIMIT 50`));
      });
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    };
    expect(await plan(`a.actor_id = '${tree.users.sec1}'`)).toMatch(/audit_log_actor_at_idx/);
    expect(await plan(`a.action = 'report.accept'`)).toMatch(/audit_log_action_at_idx/);
    expect(await plan(`a.at >= '2024-03-11'`)).toMatch(/audit_log_at_idx/);
  });
});

describe('the labels of the audit log', () => {
  /** Every action code written by the server: the literals given as `action` to writeAudit or auditInsertSql. */
  function codesWritten(): Set<string> {
    const codes = new Set<string>();
    const files = readdirSync('src/server', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      const text = readFileSync(join('src/server', f), 'utf8');
      for (const call of text.matchAll(/(?:writeAudit|auditInsertSql)\(([\s\S]{0,600}?)\baction:([^\n]*)/g)) {
        for (const m of call[2]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(m[1]!);
      }
    }
    return codes;
  }

  it('has a Vietnamese and an English label for every action the server writes', () => {
    const codes = codesWritten();
    // The scan itself finds the codes written in several ways (literals, a choice between two).
    for (const known of ['plan.publish', 'report.accept', 'report.return', 'task_instance.update', 'unit.rename', 'auth.login_failed']) expect(codes).toContain(known);
    const unlabelled = [...codes].filter((c) => !(c in AUDIT_ACTIONS));
    expect(unlabelled).toEqual([]);
    for (const [code, l] of Object.entries(AUDIT_ACTIONS)) {
      expect(l.vi.trim(), code).not.toBe('');
      expect(l.en.trim(), code).not.toBe('');
      expect(l.vi, code).not.toContain('.');
    }
    expect(new Set(Object.values(AUDIT_ACTIONS).map((l) => l.vi)).size).toBe(Object.keys(AUDIT_ACTIONS).length);
  });
});
