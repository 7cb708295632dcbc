import { can } from '#core/access/scope.ts';
import { coveragePercent } from '#core/meetings/coverage.ts';
import type { AttendanceRoster } from '#shared/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { rosterOf } from './roster.ts';
import { meetingFor } from './scope.ts';

/**
 * GET /api/meetings/:id/attendance: the members due at a meeting with their marks, the coverage
 * of its group and this meeting's tally. Seen by the meeting's unit and the levels above, never by
 * a sibling. Throws MEETING_NOT_FOUND.
 */
export async function getAttendance(id: string, { actor, tx }: ServiceContext): Promise<AttendanceRoster> {
  const m = await meetingFor(tx, actor, id, 'read');
  const r = await rosterOf(tx, m);
  return {
    meetingId: m.id,
    date: m.date,
    isMakeup: m.makeupOf !== null,
    selfStudyAllowed: r.main.selfStudyAllowed,
    items: r.items,
    coverage: { mustStudy: r.coverage.mustStudy, studied: r.coverage.studied, percent: coveragePercent(r.coverage), selfStudied: r.coverage.selfStudied },
    tally: r.tally,
    canEdit: m.status !== 'cancelled' && can(actor, 'write', m.unitPath),
  };
}
