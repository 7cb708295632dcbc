import { sql } from 'drizzle-orm';
import { formatViDate } from '#core/text/dates.ts';
import { coveragePercent, tallyAttendance, dueOn } from '#core/meetings/coverage.ts';
import { MEETING_KINDS } from '#core/meetings/kinds.ts';
import type { Evidence } from '#shared/plans.ts';
import type { MeetingRow } from '../../db/queries/meetings.ts';
import { coverageOfGroups, marksOf, membershipsOfUnits } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { updateTaskInstance } from '../plans/update-task-instance.ts';

/** What a meeting says of itself in its task's evidence: "28/30 đảng viên được học tập (93%)". */
async function evidenceNote(m: MeetingRow, s: ServiceContext): Promise<string> {
  if (m.kind === 'study') {
    const c = (await coverageOfGroups(s.tx, [m.id])).get(m.id);
    if (!c) return '';
    const pct = coveragePercent(c);
    return `${c.studied}/${c.mustStudy} người được học tập${pct === null ? '' : ` (${pct}%)`}.`;
  }
  const members = (await membershipsOfUnits(s.tx, [m.unitId])).get(m.unitId) ?? [];
  const marks = Object.fromEntries(((await marksOf(s.tx, [m.id])).get(m.id) ?? []).map((x) => [x.personId, x.status] as const));
  const t = tallyAttendance(dueOn(members, m.categories, m.date), marks);
  return `${t.present}/${t.expected} đảng viên dự sinh hoạt.`;
}

/**
 * Holding a meeting fulfils the task instance it is linked to: the instance is marked done on the
 * meeting's day (when not done yet) and carries the meeting as evidence, its figures refreshed
 * whenever attendance changes. `m` is a main session (not a make-up session), already held.
 */
export async function fulfilTask(m: MeetingRow, s: ServiceContext): Promise<void> {
  if (m.status !== 'held' || !m.taskInstanceId || m.makeupOf) return;
  const r = await s.tx.execute<{ status: string; evidence: Evidence[] }>(sql`SELECT status, evidence FROM task_instance WHERE id = ${m.taskInstanceId}`);
  const ti = r.rows[0];
  if (!ti || ti.status === 'cancelled') return;
  const title = `${MEETING_KINDS[m.kind].vi}: ${m.title}`.slice(0, 250) + ` (${formatViDate(m.date)})`;
  const entry: Evidence = { title, url: null, note: (await evidenceNote(m, s)).slice(0, 1_000) || null };
  const evidence = [...ti.evidence.filter((e) => e.title !== title), entry].slice(-20);
  await updateTaskInstance(m.taskInstanceId, { done: true, ...(ti.status === 'done' ? {} : { doneOn: m.date }), evidence }, s);
}
