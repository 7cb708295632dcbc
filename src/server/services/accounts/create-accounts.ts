import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ROLE_LABELS } from '#core/access/roles.ts';
import type { Actor } from '#core/access/scope.ts';
import { oneTimePassword, oneTimePasswordExpiry } from '#core/accounts/one-time-password.ts';
import { DomainError } from '#core/errors.ts';
import { formatViDateTime } from '#core/text/dates.ts';
import type { AccountsCreated, AccountsCreateInput } from '#shared/accounts.ts';
import type { WorkProgress } from '#shared/common.ts';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { hashOneTimePasswords } from '../auth/passwords.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { planAccounts, type PlannedAccount } from './plan-accounts.ts';
import { buildSlips, type SlipRow } from './slips.ts';
import type { SlipStore } from './slip-store.ts';

/** Accounts written per statement pair (app_user, then user_grant). */
const CHUNK = 2000;

export interface CreateAccountsDeps {
  db: Db;
  actor: Actor;
  now: Date;
  /** The address of the web app, printed on the slips and in the e-mails. */
  address: string;
  mailer: Mailer | null;
  slips: SlipStore;
  /** Where the work tells how far it is (the route's progress sink, routes/progress.ts). */
  onProgress: (p: WorkProgress) => void;
}

function mailText(a: PlannedAccount, password: string, address: string, until: Date): string {
  return [
    `Kính gửi đồng chí ${a.fullName},`,
    '',
    `Đồng chí được cấp tài khoản với vai trò ${ROLE_LABELS[a.role].vi} tại ${a.unitName}.`,
    `Địa chỉ: ${address}`,
    `Tên đăng nhập: ${a.username}`,
    `Mật khẩu dùng một lần: ${password}`,
    `Dùng được đến: ${formatViDateTime(until)}`,
    '',
    'Đồng chí đổi mật khẩu ở lần đăng nhập đầu. Quá hạn trên, hãy đề nghị người quản trị cấp mật khẩu mới.',
  ].join('\n');
}

/**
 * POST /api/accounts: creates the accounts the rules select (the preview's list), each with a
 * one-time password that must be changed at the first sign-in, in one transaction — hashing spread
 * over the machine's cores, then a few bulk statements per 2,000 accounts — and records who
 * created them (never the passwords). Then, when asked and SMTP is set, e-mails each password to
 * the people with an address; the others (and any e-mail that fails) are printed on the slips,
 * which are held for the actor to fetch once. Everything refused is refused before any work.
 */
export async function createAccounts(input: AccountsCreateInput, deps: CreateAccountsDeps): Promise<AccountsCreated> {
  const { db, actor, now, onProgress } = deps;
  const validUntil = oneTimePasswordExpiry(now);
  const { plan, passwords } = await db.transaction(async (tx) => {
    // Two creations at once would give the same free names: the second waits for the first.
    await tx.execute(sql`LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE`);
    const plan = await planAccounts(tx, actor, input, now);
    const total = plan.accounts.length;
    if (total === 0) {
      throw new DomainError('NO_ACCOUNTS_TO_CREATE', 'Không có ai cần tạo tài khoản: những người được chọn đã có tài khoản hoặc không có sinh hoạt đang hiệu lực.');
    }
    onProgress({ step: 'passwords', done: 0, total });
    const passwords = plan.accounts.map(() => oneTimePassword());
    const hashes = await hashOneTimePasswords(passwords, (done) => onProgress({ step: 'passwords', done, total }));
    onProgress({ step: 'accounts', done: 0, total });
    for (let at = 0; at < total; at += CHUNK) {
      const rows = plan.accounts.slice(at, at + CHUNK).map((a, i) => ({ id: randomUUID(), username: a.username, hash: hashes[at + i]!, person_id: a.personId, unit_id: a.unitId, role: a.role }));
      const json = JSON.stringify(rows);
      await tx.execute(sql`
        INSERT INTO app_user (id, username, password_hash, person_id, must_change_password, password_expires_at)
        SELECT x.id, x.username, x.hash, x.person_id, true, ${validUntil.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, username text, hash text, person_id uuid)`);
      await tx.execute(sql`
        INSERT INTO user_grant (user_id, unit_id, role)
        SELECT x.id, x.unit_id, x.role FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, unit_id uuid, role text)`);
      onProgress({ step: 'accounts', done: Math.min(total, at + CHUNK), total });
    }
    for (const unit of plan.units) {
      const mine = plan.accounts.filter((a) => a.unitPath === unit.path || a.unitPath.startsWith(`${unit.path}.`));
      await writeAudit(tx, actor, {
        action: 'accounts.create',
        entity: 'unit',
        entityId: unit.id,
        unitPath: unit.path,
        after: { created: mine.length, rules: input.rules, format: input.format, email: input.email, validUntil: validUntil.toISOString() },
      }, now);
    }
    return { plan, passwords };
  });

  const printed: SlipRow[] = [];
  let emailed = 0;
  let emailFailed = 0;
  const toMail = input.email && deps.mailer ? plan.accounts.filter((a) => a.email !== null).length : 0;
  if (toMail > 0) onProgress({ step: 'emails', done: 0, total: toMail });
  for (const [i, a] of plan.accounts.entries()) {
    const password = passwords[i]!;
    if (input.email && deps.mailer && a.email !== null) {
      try {
        await deps.mailer.send({ to: a.email, subject: 'Tài khoản đăng nhập và mật khẩu dùng một lần', text: mailText(a, password, deps.address, validUntil) });
        emailed++;
        onProgress({ step: 'emails', done: emailed + emailFailed, total: toMail });
        continue;
      } catch {
        emailFailed++;
        onProgress({ step: 'emails', done: emailed + emailFailed, total: toMail });
      }
    }
    printed.push({ fullName: a.fullName, unitId: a.unitId, unitName: a.unitName, username: a.username, password });
  }
  if (toMail > 0) {
    await writeAudit(db, actor, { action: 'accounts.email', entity: 'unit', entityId: plan.units[0]!.id, unitPath: plan.units[0]!.path, after: { emailed, failed: emailFailed } }, now);
  }
  let slips: AccountsCreated['slips'] = null;
  if (printed.length > 0) {
    const file = await buildSlips(printed, input.format, { address: deps.address, validUntil, now });
    const held = deps.slips.put({ userId: actor.userId, ...file }, now);
    slips = { id: held.id, filename: file.filename, expiresAt: held.expiresAt.toISOString() };
  }
  return { created: plan.accounts.length, emailed, emailFailed, printed: printed.length, slips };
}
