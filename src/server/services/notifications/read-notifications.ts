import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { ServiceContext } from '../context.ts';

/** Marks one of the actor's notifications read. Throws NOTIFICATION_NOT_FOUND for anyone else's. */
export async function markNotificationRead(id: string, { actor, tx, now }: ServiceContext): Promise<void> {
  const r = await tx.execute<{ id: string }>(sql`
    UPDATE notification SET read_at = coalesce(read_at, ${now.toISOString()}::timestamptz)
    WHERE id = ${id} AND user_id = ${actor.userId} RETURNING id`);
  if (r.rows.length === 0) throw new DomainError('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo.');
}

/** Marks every unread notification of the actor read; returns how many. */
export async function markAllNotificationsRead({ actor, tx, now }: ServiceContext): Promise<{ updated: number }> {
  const r = await tx.execute<{ n: number }>(sql`
    WITH u AS (UPDATE notification SET read_at = ${now.toISOString()}::timestamptz WHERE user_id = ${actor.userId} AND read_at IS NULL RETURNING 1)
    SELECT count(*)::int AS n FROM u`);
  return { updated: r.rows[0]?.n ?? 0 };
}
