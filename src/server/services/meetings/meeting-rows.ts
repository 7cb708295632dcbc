import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { coveragePercent } from '#core/meetings/coverage.ts';
import type { MeetingRow as MeetingListRow } from '#shared/meetings.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { MeetingRow } from '../../db/queries/meetings.ts';
import { coverageOfGroups, MEETING_COLUMNS } from '../../db/queries/meetings.ts';
import { noticeView } from './scope.ts';

type Listed = MeetingRow & { makeupCount: number; observers: number; campaignMonth: string | null; total: number };

/**
 * Reads meetings for a list (`where` over the meeting `m` and its unit `u`), with the count of
 * make-up sessions and observers, the campaign month and, for main sessions, the coverage of the
 * group — one read for the coverage of the whole page.
 */
export async function findMeetingRows(
  tx: Db | Tx,
  where: SQL,
  order: SQL,
  page: { limit: number; offset: number },
  now: Date,
): Promise<{ rows: (MeetingListRow & { raw: MeetingRow })[]; total: number }> {
  const r = await tx.execute<Listed>(sql`
    SELECT ${MEETING_COLUMNS},
           (SELECT count(*)::int FROM meeting s WHERE s.makeup_of = m.id AND s.status <> 'cancelled') AS "makeupCount",
           (SELECT count(*)::int FROM meeting_observer o WHERE o.meeting_id = m.id) AS observers,
           (SELECT cm.month FROM campaign_month cm WHERE cm.id = m.campaign_month_id) AS "campaignMonth",
           count(*) OVER ()::int AS total
    FROM meeting m JOIN unit u ON u.id = m.unit_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  const coverage = await coverageOfGroups(tx, r.rows.filter((x) => !x.makeupOf).map((x) => x.id));
  const rows = r.rows.map((x) => {
    const c = coverage.get(x.id) ?? { mustStudy: 0, studied: 0 };
    return {
      raw: x,
      id: x.id,
      unitId: x.unitId,
      unitName: x.unitName,
      kind: x.kind,
      title: x.title,
      status: x.status,
      date: x.date,
      startTime: x.startTime,
      place: x.place,
      makeupOf: x.makeupOf,
      makeupCount: x.makeupCount,
      coverage: { mustStudy: c.mustStudy, studied: c.studied, percent: coveragePercent(c) },
      notice: noticeView(x, now),
      campaignMonth: x.campaignMonth,
      observers: x.observers,
    };
  });
  return { rows, total: r.rows[0]?.total ?? 0 };
}
