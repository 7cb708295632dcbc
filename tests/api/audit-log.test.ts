/**
 * The audit log is append-only: the database itself refuses to change or remove an entry, and the
 * connection the server runs on may only add to it and read it (docs/decisions/011). Signing in,
 * failing to and signing out are recorded.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client.ts';
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
