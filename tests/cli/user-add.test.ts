/** `trienkhai user add` creates a user that can sign in, with the server stopped. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '#server/db/client.ts';
import { verifyPassword } from '#server/services/auth/passwords.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  run(process.execPath, ['bin/trienkhai.js', ...args], { env: { ...process.env, DATA_DIR: dir, TRIENKHAI_DEMO: 'false' } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

it('adds a user with a grant, and refuses bad arguments with exit code 2', async () => {
  // An empty database has no unit yet: the command names the problem.
  const noUnit = await cli(['user', 'add', '--username', 'bithu.a', '--password', 'mat-khau-123', '--unit', '00000000-0000-4000-8000-000000000001', '--role', 'secretary']);
  expect(noUnit.code).toBe(2);
  expect(noUnit.stderr).toMatch(/Không tìm thấy đơn vị/);

  const db = await openPglite(join(dir, 'pglite'));
  const unit = await db.db.execute<{ id: string }>(sql`
    INSERT INTO unit (kind, name, name_folded, path, depth, valid_from) VALUES ('cell', 'Chi bộ A', 'chi bo a', 'x', 1, '2020-01-01') RETURNING id`);
  const unitId = unit.rows[0]!.id;
  await db.close();

  const ok = await cli(['user', 'add', '--username', 'bithu.a', '--password', 'mat-khau-123', '--unit', unitId, '--role', 'secretary']);
  expect(ok.code, ok.stderr).toBe(0);
  expect(ok.stdout).toMatch(/Đã tạo người dùng bithu.a/);

  const badRole = await cli(['user', 'add', '--username', 'bithu.b', '--password', 'mat-khau-123', '--unit', unitId, '--role', 'emperor']);
  expect(badRole.code).toBe(2);
  expect(badRole.stderr).toMatch(/Vai trò/);

  const check = await openPglite(join(dir, 'pglite'));
  const r = await check.db.execute<{ password_hash: string; role: string }>(sql`
    SELECT au.password_hash, g.role FROM app_user au JOIN user_grant g ON g.user_id = au.id WHERE au.username = 'bithu.a'`);
  await check.close();
  expect(r.rows.map((x) => x.role)).toEqual(['secretary']);
  expect(await verifyPassword(r.rows[0]!.password_hash, 'mat-khau-123')).toBe(true);
}, 60_000);
