import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { formatViDate } from '#core/text/dates.ts';
import { OBSERVER_ROLES } from '#core/meetings/kinds.ts';
import type { ObserverRole } from '#core/meetings/kinds.ts';
import type { MeetingDetail } from '#shared/meetings.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { meetingFor } from './scope.ts';
import { findObservers } from '../../db/queries/meetings.ts';

/**
 * POST /api/meetings/:id/observers: a user of a higher level, acting for `unitId` (a unit above the
 * meeting's unit), registers to attend or to supervise a planned session; registering again
 * changes the role. The session's leaders are notified. Registering speaks for the observing
 * unit, so it needs `write` there: a viewer or an inspector reads the session but never registers.
 * Throws MEETING_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN, OBSERVER_NOT_ABOVE, MEETING_NOT_PLANNED.
 */
export async function registerObserver(id: string, input: { unitId: string; role: ObserverRole }, { actor, tx, now }: ServiceContext): Promise<MeetingDetail['observers']> {
  const m = await meetingFor(tx, actor, id, 'read', true);
  const unit = await unitFor(tx, actor, input.unitId, 'write');
  if (!m.unitPath.startsWith(`${unit.path}.`)) {
    throw new DomainError('OBSERVER_NOT_ABOVE', 'Chỉ cấp trên của đơn vị tổ chức mới đăng ký dự hoặc giám sát.');
  }
  if (m.status !== 'planned' || m.makeupOf) throw new DomainError('MEETING_NOT_PLANNED', 'Chỉ đăng ký dự, giám sát được hội nghị sắp diễn ra.');
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO meeting_observer (meeting_id, user_id, unit_id, role, created_at) VALUES (${id}, ${actor.userId}, ${unit.id}, ${input.role}, ${at})
    ON CONFLICT (meeting_id, user_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, role = EXCLUDED.role`);
  const title = `${unit.name} đăng ký ${OBSERVER_ROLES[input.role].vi.toLowerCase()} hội nghị ngày ${formatViDate(m.date)}`.slice(0, 500);
  await tx.execute(sql`
    INSERT INTO notification (user_id, unit_id, kind, title, body, link, dedupe_key, created_at)
    SELECT DISTINCT g.user_id, ${m.unitId}::uuid, 'meeting_observer', ${title}, ${m.title}, ${`/meetings/${id}`},
           ${`meeting_observer:${id}:${actor.userId}:${input.role}`}, ${at}::timestamptz
    FROM user_grant g JOIN app_user au ON au.id = g.user_id AND au.disabled_at IS NULL
    WHERE g.unit_id = ${m.unitId} AND g.revoked_at IS NULL AND g.role IN ('secretary', 'deputy_secretary', 'staff')
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`);
  await writeAudit(tx, actor, { action: 'meeting.observer', entity: 'meeting', entityId: id, unitPath: m.unitPath, after: { unitId: unit.id, role: input.role } }, now);
  return findObservers(tx, id);
}
