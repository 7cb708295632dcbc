import { sql } from 'drizzle-orm';
import { addDays } from '#core/deadline/resolve.ts';
import { vietnamDate } from '#core/ids.ts';
import type { ObserverRole } from '#core/meetings/kinds.ts';
import type { UpcomingMeetings } from '#shared/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { findMeetingRows } from './meeting-rows.ts';

/**
 * GET /api/meetings/upcoming?unit=: the sessions planned in the unit's subtree from today, soonest
 * first, with their advance notice and whether the reader has registered to attend or supervise.
 * Throws UNIT_NOT_FOUND.
 */
export async function findUpcomingMeetings(q: { unit: string; days: number; limit: number }, { actor, tx, now }: ServiceContext): Promise<UpcomingMeetings> {
  const unit = await unitFor(tx, actor, q.unit, 'read');
  const today = vietnamDate(now);
  const out = await findMeetingRows(
    tx,
    sql`u.path <@ ${unit.path}::ltree AND m.status = 'planned' AND m.held_on >= ${today}::date AND m.held_on <= ${addDays(today, q.days)}::date`,
    sql`m.held_on, m.start_time NULLS LAST, m.id`,
    { limit: q.limit, offset: 0 },
    now,
  );
  const ids = out.rows.map((x) => x.id);
  const mine = ids.length === 0
    ? []
    : (await tx.execute<{ meetingId: string; role: ObserverRole }>(sql`
        SELECT meeting_id AS "meetingId", role FROM meeting_observer WHERE user_id = ${actor.userId} AND meeting_id = ANY(${`{${ids.join(',')}}`}::uuid[])`)).rows;
  const roles = new Map(mine.map((x) => [x.meetingId, x.role] as const));
  return { asOf: today, items: out.rows.map(({ raw: _r, ...x }) => ({ ...x, myRole: roles.get(x.id) ?? null })) };
}
