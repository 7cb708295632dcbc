import { sql } from 'drizzle-orm';
import type { Role } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, canGrant, scopeRoots } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Me } from '#shared/auth.ts';
import type { UserCreate, UserUpdate, UserSummary } from '#shared/users.ts';
import type { Db, Tx } from '../../db/client.ts';
import { lookupUnit, findUnitNames } from '../../db/queries/units.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { hashOneTimePassword, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { oneTimePassword, oneTimePasswordExpiry } from '#core/accounts/one-time-password.ts';
import type { OneTimePasswordAnswer } from '#shared/accounts.ts';
import { resourcePaths } from '../../db/queries/access.ts';

async function checkGrants(tx: Tx, actor: Actor | null, grants: { unitId: string; role: Role }[]): Promise<TreePath[]> {
  const paths: TreePath[] = [];
  for (const g of grants) {
    const unit = await lookupUnit(tx, g.unitId);
    if (!unit || (actor && !can(actor, 'read', unit.path))) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị được phân quyền.');
    if (actor && !canGrant(actor, g.role, unit.path)) {
      throw new DomainError('FORBIDDEN', `Bạn không có quyền cấp vai trò "${g.role}" tại "${unit.name}".`);
    }
    paths.push(unit.path);
  }
  return paths;
}

async function checkPerson(tx: Tx, actor: Actor | null, personId: string | null | undefined): Promise<void> {
  if (!personId) return;
  const [path] = await resourcePaths.person(tx, personId);
  if (!path || (actor && !can(actor, 'read', path))) throw new DomainError('PERSON_NOT_FOUND', 'Không tìm thấy người được liên kết.');
}

/**
 * Creates a user with grants. `actor` null is the command line (the operator at the server).
 * A secretary or staff may create users only for their own subtree, never administrators.
 */
export async function createUser(input: UserCreate, ctx: { actor: Actor | null; tx: Tx; now: Date }): Promise<{ id: string }> {
  const { actor, tx, now } = ctx;
  if (actor && !actor.superuser && input.grants.length === 0) {
    throw new DomainError('GRANT_REQUIRED', 'Người dùng mới cần ít nhất một quyền tại một đơn vị trong phạm vi của bạn.');
  }
  if (input.superuser && actor && !actor.superuser) throw new DomainError('FORBIDDEN', 'Chỉ quản trị hệ thống được tạo quản trị hệ thống.');
  const paths = await checkGrants(tx, actor, input.grants);
  await checkPerson(tx, actor, input.personId);
  const taken = await tx.execute(sql`SELECT 1 FROM app_user WHERE lower(username) = lower(${input.username})`);
  if (taken.rows.length > 0) throw new DomainError('USERNAME_TAKEN', `Tên đăng nhập "${input.username}" đã có người dùng.`);
  const passwordHash = await hashPassword(input.password);
  const r = await tx.execute<{ id: string }>(sql`
    INSERT INTO app_user (username, password_hash, person_id, superuser) VALUES (${input.username}, ${passwordHash}, ${input.personId ?? null}, ${input.superuser ?? false})
    RETURNING id`);
  const id = r.rows[0]!.id;
  for (const g of input.grants) {
    await tx.execute(sql`INSERT INTO user_grant (user_id, unit_id, role) VALUES (${id}, ${g.unitId}, ${g.role}) ON CONFLICT DO NOTHING`);
  }
  await writeAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: id, unitPath: paths[0] ?? null, after: { username: input.username, personId: input.personId ?? null, grants: input.grants } }, now);
  return { id };
}

/**
 * Replaces a user's grants, links a person, locks or unlocks the account, or resets its password,
 * within the actor's reach. One's own password changes only with the current one (changePassword):
 * here it is refused with CURRENT_PASSWORD_REQUIRED, so that a stolen session cannot take over the
 * account. A reset ends the user's sessions and is recorded on its own.
 */
export async function updateUser(id: string, input: UserUpdate, ctx: ServiceContext): Promise<void> {
  const { actor, tx, now } = ctx;
  if (input.password && id === actor.userId) {
    throw new DomainError('CURRENT_PASSWORD_REQUIRED', 'Mật khẩu của chính bạn chỉ đổi được ở mục Đổi mật khẩu, với mật khẩu hiện tại.');
  }
  const before = await tx.execute<{ unit_id: string; role: Role }>(sql`SELECT unit_id, role FROM user_grant WHERE user_id = ${id} AND revoked_at IS NULL`);
  if (input.grants) {
    const paths = await checkGrants(tx, actor, input.grants);
    await tx.execute(sql`UPDATE user_grant SET revoked_at = ${now.toISOString()} WHERE user_id = ${id} AND revoked_at IS NULL`);
    for (const g of input.grants) {
      await tx.execute(sql`INSERT INTO user_grant (user_id, unit_id, role) VALUES (${id}, ${g.unitId}, ${g.role}) ON CONFLICT DO NOTHING`);
    }
    void paths;
  }
  if (input.personId !== undefined) {
    await checkPerson(tx, actor, input.personId);
    await tx.execute(sql`UPDATE app_user SET person_id = ${input.personId}, updated_at = now() WHERE id = ${id}`);
  }
  if (input.disabled !== undefined) {
    await tx.execute(sql`UPDATE app_user SET disabled_at = ${input.disabled ? now.toISOString() : null}, updated_at = now() WHERE id = ${id}`);
    if (input.disabled) await tx.execute(sql`DELETE FROM session WHERE user_id = ${id}`);
  }
  if (input.password) {
    await checkResettable(tx, actor, id);
    // A password an administrator sets is known to two people: it is one to change at the next sign-in.
    await tx.execute(sql`UPDATE app_user SET password_hash = ${await hashPassword(input.password)}, must_change_password = true,
      password_expires_at = ${oneTimePasswordExpiry(now).toISOString()}, updated_at = now() WHERE id = ${id}`);
    await tx.execute(sql`DELETE FROM session WHERE user_id = ${id}`);
    await writeAudit(tx, actor, { action: 'user.reset_password', entity: 'user', entityId: id, unitPath: null }, now);
  }
  const { password: _password, ...changes } = input;
  if (Object.values(changes).some((v) => v !== undefined)) {
    await writeAudit(tx, actor, { action: 'user.update', entity: 'user', entityId: id, unitPath: null, before: { grants: before.rows }, after: changes }, now);
  }
}

/**
 * Refuses a reset the actor may not make: never one's own password (changePassword, with the current
 * one), never a system administrator's (who changes their own), and only for an
 * account whose every role the actor could grant where it is held — so that a secretary cannot take
 * over an account above its own.
 */
async function checkResettable(tx: Tx, actor: Actor, id: string): Promise<{ username: string }> {
  if (id === actor.userId) {
    throw new DomainError('CURRENT_PASSWORD_REQUIRED', 'Mật khẩu của chính bạn chỉ đổi được ở mục Đổi mật khẩu, với mật khẩu hiện tại.');
  }
  const r = await tx.execute<{ username: string; superuser: boolean }>(sql`SELECT username, superuser FROM app_user WHERE id = ${id}`);
  const user = r.rows[0];
  if (!user) throw new DomainError('USER_NOT_FOUND', 'Không tìm thấy người dùng.');
  if (user.superuser) throw new DomainError('SUPERUSER_PASSWORD', 'Không đặt lại mật khẩu của tài khoản quản trị hệ thống ở đây: quản trị hệ thống tự đổi mật khẩu của mình.');
  const grants = await tx.execute<{ role: Role; path: TreePath }>(sql`
    SELECT g.role, u.path::text AS path FROM user_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = ${id} AND g.revoked_at IS NULL`);
  if (grants.rows.some((g) => !canGrant(actor, g.role, g.path))) {
    throw new DomainError('FORBIDDEN', 'Bạn không có quyền đặt lại mật khẩu của tài khoản có vai trò cao hơn quyền bạn được cấp.');
  }
  return { username: user.username };
}

/**
 * POST /api/users/:id/one-time-password: a new one-time password for the account, answered once and
 * never stored in clear; it must be changed at the next sign-in and expires. The account's sessions
 * end; the audit log records who gave it, not the password.
 */
export async function giveOneTimePassword(id: string, ctx: ServiceContext): Promise<OneTimePasswordAnswer> {
  const { actor, tx, now } = ctx;
  const { username } = await checkResettable(tx, actor, id);
  const password = oneTimePassword();
  const validUntil = oneTimePasswordExpiry(now);
  await tx.execute(sql`UPDATE app_user SET password_hash = ${await hashOneTimePassword(password)}, must_change_password = true,
    password_expires_at = ${validUntil.toISOString()}, updated_at = now() WHERE id = ${id}`);
  await tx.execute(sql`DELETE FROM session WHERE user_id = ${id}`);
  await writeAudit(tx, actor, { action: 'user.one_time_password', entity: 'user', entityId: id, unitPath: null, after: { validUntil: validUntil.toISOString() } }, now);
  return { username, password, validUntil: validUntil.toISOString() };
}

/**
 * Changes one's own password with the current one. A one-time password must be replaced by another
 * password; once it is, the account may do everything again.
 */
export async function changePassword(userId: string, current: string, next: string, ctx: ServiceContext, keepTokenHash: string): Promise<void> {
  const r = await ctx.tx.execute<{ password_hash: string; must_change_password: boolean }>(sql`SELECT password_hash, must_change_password FROM app_user WHERE id = ${userId}`);
  if (!r.rows[0] || !(await verifyPassword(r.rows[0].password_hash, current))) {
    throw new DomainError('WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.');
  }
  if (r.rows[0].must_change_password && next === current) {
    throw new DomainError('SAME_PASSWORD', 'Mật khẩu mới phải khác mật khẩu dùng một lần.');
  }
  await ctx.tx.execute(sql`UPDATE app_user SET password_hash = ${await hashPassword(next)}, must_change_password = false, password_expires_at = NULL,
    updated_at = now() WHERE id = ${userId}`);
  // Other sessions of this user end: a changed password must lock out whoever knew the old one.
  await ctx.tx.execute(sql`DELETE FROM session WHERE user_id = ${userId} AND token_hash <> ${keepTokenHash}`);
  await writeAudit(ctx.tx, ctx.actor, { action: 'user.change_password', entity: 'user', entityId: userId, unitPath: null }, ctx.now);
}

/** The signed-in user, with grants named, for the web app's shell. */
export async function getMe(db: Db, actor: Actor, csrfToken: string): Promise<Me> {
  const r = await db.execute<{ person_id: string | null; full_name: string | null; locale: string; must_change_password: boolean }>(sql`
    SELECT au.person_id, p.full_name, au.locale, au.must_change_password FROM app_user au LEFT JOIN person p ON p.id = au.person_id WHERE au.id = ${actor.userId}`);
  const names = await findUnitNames(db, actor.grants.map((g) => g.unitId));
  const byId = new Map(names.map((n) => [n.id, n.name]));
  const row = r.rows[0];
  return {
    id: actor.userId,
    username: actor.username,
    superuser: actor.superuser,
    personId: row?.person_id ?? null,
    fullName: row?.full_name ?? null,
    locale: row?.locale ?? 'vi',
    mustChangePassword: row?.must_change_password ?? false,
    grants: actor.grants.map((g) => ({ unitId: g.unitId, unitName: byId.get(g.unitId) ?? '', role: g.role })),
    csrfToken,
  };
}

/** Users whose grants lie in the actor's reach for managing users (superusers see all). */
export async function findUsers(db: Db, actor: Actor, q: { q?: string | undefined; limit: number; offset: number }): Promise<{ items: UserSummary[]; total: number }> {
  const roots = scopeRoots(actor, 'manage_users');
  if (!actor.superuser && roots.length === 0) return { items: [], total: 0 };
  const scope = actor.superuser
    ? sql`TRUE`
    : sql`EXISTS (SELECT 1 FROM user_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = au.id AND g.revoked_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM user_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = au.id AND g.revoked_at IS NULL
                          AND NOT (u.path <@ ${`{${roots.join(',')}}`}::ltree[]))
          AND NOT au.superuser`;
  const text = q.q ? sql`AND (lower(au.username) LIKE ${`%${q.q.toLowerCase()}%`} OR p.name_folded LIKE ${`%${q.q.toLowerCase()}%`})` : sql``;
  const rows = await db.execute<UserSummary & { total: number }>(sql`
    SELECT au.id, au.username, au.superuser, au.person_id AS "personId", p.full_name AS "fullName",
           au.disabled_at IS NOT NULL AS disabled,
           coalesce((SELECT json_agg(json_build_object('unitId', g.unit_id, 'unitName', u.name, 'role', g.role) ORDER BY u.depth)
                     FROM user_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = au.id AND g.revoked_at IS NULL), '[]') AS grants,
           count(*) OVER ()::int AS total
    FROM app_user au LEFT JOIN person p ON p.id = au.person_id
    WHERE ${scope} ${text}
    ORDER BY au.username LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { items: rows.rows.map(({ total: _t, ...u }) => u), total: rows.rows[0]?.total ?? 0 };
}
