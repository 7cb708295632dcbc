import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { MeetingList, MeetingListQuery } from '#shared/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { findMeetingRows } from './meeting-rows.ts';

/**
 * GET /api/units/:id/meetings: the unit's own study sessions and cell meetings, newest first, with
 * coverage and advance notice. Throws UNIT_NOT_FOUND.
 */
export async function findMeetings(unitId: string, q: MeetingListQuery, { actor, tx, now }: ServiceContext): Promise<MeetingList> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  const conds: SQL[] = [sql`m.unit_id = ${unit.id}`];
  if (q.makeups === 'false') conds.push(sql`m.makeup_of IS NULL`);
  if (q.kind) conds.push(sql`m.kind = ${q.kind}`);
  if (q.status) conds.push(sql`m.status = ${q.status}`);
  if (q.from) conds.push(sql`m.held_on >= ${q.from}::date`);
  if (q.to) conds.push(sql`m.held_on <= ${q.to}::date`);
  const out = await findMeetingRows(tx, sql.join(conds, sql` AND `), sql`m.held_on DESC, m.created_at DESC`, q, now);
  return { items: out.rows.map(({ raw: _r, ...x }) => x), total: out.total };
}
