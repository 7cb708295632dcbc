import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Mailer } from './mailer.ts';

/** Notifications older than this are not emailed any more (mail set up later does not flood inboxes with old news). */
const MAX_AGE_HOURS = 48;
const BATCH = 100;

/**
 * Emails the notifications not emailed yet to their users who have an email address (their
 * person record's), in batches. Each batch is claimed first — emailed_at set, rows locked with
 * SKIP LOCKED — so two server processes never send the same message; a message the mail server
 * refuses is released (emailed_at cleared) to be tried on the next run. A process that dies between
 * claiming and sending loses those emails; the in-app notifications stay.
 */
export async function deliverEmails(db: Db, mailer: Mailer, now: Date, maxBatches = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const since = new Date(now.getTime() - MAX_AGE_HOURS * 3600_000).toISOString();
  for (let b = 0; b < maxBatches; b++) {
    const claimed = await db.execute<{ id: string; title: string; body: string | null; email: string; fullName: string }>(sql`
      WITH pick AS (
        SELECT n.id FROM notification n
        JOIN app_user au ON au.id = n.user_id AND au.disabled_at IS NULL
        JOIN person pe ON pe.id = au.person_id AND pe.deleted_at IS NULL AND coalesce(pe.email, '') <> ''
        WHERE n.emailed_at IS NULL AND n.created_at > ${since}::timestamptz
        ORDER BY n.created_at
        LIMIT ${BATCH}
        FOR UPDATE OF n SKIP LOCKED
      ), claimed AS (
        UPDATE notification n SET emailed_at = ${now.toISOString()}::timestamptz FROM pick WHERE n.id = pick.id
        RETURNING n.id, n.user_id, n.title, n.body
      )
      SELECT c.id, c.title, c.body, pe.email, pe.full_name AS "fullName"
      FROM claimed c JOIN app_user au ON au.id = c.user_id JOIN person pe ON pe.id = au.person_id`);
    if (claimed.rows.length === 0) break;
    const refused: string[] = [];
    for (const n of claimed.rows) {
      try {
        await mailer.send({
          to: n.email,
          subject: n.title,
          text: `Kính gửi đồng chí ${n.fullName},\n\n${n.title}\n${n.body ? `\n${n.body}\n` : ''}\nXem chi tiết và cập nhật trong hệ thống trienkhai.\n`,
        });
        sent++;
      } catch {
        refused.push(n.id);
      }
    }
    if (refused.length > 0) {
      failed += refused.length;
      await db.execute(sql`UPDATE notification SET emailed_at = NULL WHERE id IN (${sql.join(refused.map((id) => sql`${id}`), sql`, `)})`);
      break;
    }
  }
  return { sent, failed };
}
