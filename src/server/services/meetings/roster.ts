import type { Coverage, AttendanceTally } from '#core/meetings/coverage.ts';
import { activeOn, dueOn, studyCoverage, tallyAttendance } from '#core/meetings/coverage.ts';
import type { AttendanceStatus } from '#core/meetings/kinds.ts';
import { STUDIED_MARKS } from '#core/meetings/kinds.ts';
import type { RosterItem } from '#shared/meetings.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { MeetingRow } from '../../db/queries/meetings.ts';
import { lookupMeeting, groupSessions, marksOf, membershipsOfUnits } from '../../db/queries/meetings.ts';

export interface Roster {
  main: MeetingRow;
  items: RosterItem[];
  coverage: Coverage;
  tally: AttendanceTally;
}

/**
 * The attendance list of a meeting: the members due that day (the unit's memberships in the
 * meeting's categories in force on its date), each with their mark. For a make-up session, the
 * members of the group who have not studied at another of its sessions (and anyone already marked
 * at it). Coverage is that of the whole group; the tally that of this meeting.
 */
export async function rosterOf(tx: Db | Tx, m: MeetingRow): Promise<Roster> {
  const main = m.makeupOf ? ((await lookupMeeting(tx, m.makeupOf)) ?? m) : m;
  const sessions = await groupSessions(tx, [main.id]);
  if (!sessions.some((x) => x.id === m.id)) sessions.push({ id: m.id, mainId: main.id, unitId: m.unitId, date: m.date, status: m.status, categories: main.categories });
  const memberships = (await membershipsOfUnits(tx, [main.unitId])).get(main.unitId) ?? [];
  const marks = await marksOf(tx, sessions.map((x) => x.id));
  const markMap = (id: string) => Object.fromEntries((marks.get(id) ?? []).map((x) => [x.personId, x.status] as const)) as Record<string, AttendanceStatus>;
  const coverage = studyCoverage({ categories: main.categories, memberships, sessions: sessions.map((x) => ({ date: x.date, marks: markMap(x.id) })) });

  const here = marks.get(m.id) ?? [];
  let due: string[];
  if (!m.makeupOf) {
    due = dueOn(memberships, main.categories, m.date);
  } else {
    const studiedElsewhere = new Set<string>();
    for (const x of sessions) {
      if (x.id === m.id) continue;
      for (const mk of marks.get(x.id) ?? []) if (STUDIED_MARKS.includes(mk.status)) studiedElsewhere.add(mk.personId);
    }
    const all: string[] = [];
    for (const x of sessions) for (const p of dueOn(memberships, main.categories, x.date)) if (!all.includes(p)) all.push(p);
    const marked = new Set(here.map((x) => x.personId));
    due = all.filter((p) => marked.has(p) || !studiedElsewhere.has(p));
  }
  const byPerson = new Map<string, (typeof memberships)[number]>();
  for (const ms of memberships) {
    const prev = byPerson.get(ms.personId);
    if (!prev || (activeOn(ms, m.date) && !activeOn(prev, m.date))) byPerson.set(ms.personId, ms);
  }
  const reasonOf = new Map(here.map((x) => [x.personId, x] as const));
  const items: RosterItem[] = due.map((p) => {
    const ms = byPerson.get(p)!;
    const mark = reasonOf.get(p);
    return { personId: p, fullName: ms.fullName, category: ms.category, positions: ms.positions, status: mark?.status ?? null, reason: mark?.reason ?? null };
  });
  return { main, items, coverage, tally: tallyAttendance(due, markMap(m.id)) };
}
