import { sql } from 'drizzle-orm';
import type { NotificationList, NotificationListQuery } from '#shared/notifications.ts';
import type { Tx } from '../../db/client.ts';
import { isoTime, isoTimeOrNull } from '../../db/queries/reports.ts';
import type { ServiceContext } from '../context.ts';

/** The actor's own notifications, newest first, a page at a time, with the unread count. */
export async function findNotifications(q: NotificationListQuery, { actor, tx }: ServiceContext): Promise<NotificationList> {
  const unreadOnly = q.unread === 'true' ? sql`AND n.read_at IS NULL` : sql``;
  const rows = await tx.execute<{
    id: string; kind: string; title: string; body: string | null; link: string | null; unitId: string | null; unitName: string | null;
    createdAt: unknown; readAt: unknown;
  }>(sql`
    SELECT n.id, n.kind, n.title, n.body, n.link, n.unit_id AS "unitId", u.name AS "unitName", n.created_at AS "createdAt", n.read_at AS "readAt"
    FROM notification n LEFT JOIN unit u ON u.id = n.unit_id
    WHERE n.user_id = ${actor.userId} ${unreadOnly}
    ORDER BY n.created_at DESC, n.id
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const total = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification n WHERE n.user_id = ${actor.userId} ${unreadOnly}`);
  return {
    items: rows.rows.map((r) => ({ ...r, createdAt: isoTime(r.createdAt), readAt: isoTimeOrNull(r.readAt) })),
    total: total.rows[0]?.n ?? 0,
    unread: await countUnread(tx, actor.userId),
  };
}

/** The number on the bell. */
export async function countUnread(tx: Tx, userId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification WHERE user_id = ${userId} AND read_at IS NULL`);
  return r.rows[0]?.n ?? 0;
}
