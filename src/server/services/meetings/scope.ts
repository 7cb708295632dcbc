import { sql } from 'drizzle-orm';
import type { Action } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { vietnamDate } from '#core/ids.ts';
import type { IsoDate } from '#core/ids.ts';
import { noticeStatus } from '#core/meetings/notice.ts';
import { formatViDate } from '#core/text/dates.ts';
import type { NoticeView } from '#shared/meetings.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { MeetingRow } from '../../db/queries/meetings.ts';
import { lookupMeeting, isoInstant } from '../../db/queries/meetings.ts';
import { isSecretHidden, planReach } from '../../db/queries/plans.ts';

/**
 * Loading what a meetings use case acts on, with the access check of the tree: a meeting belongs
 * to its unit, so the unit and the levels above see it and a sibling does not. Out of sight is
 * "not found" (nothing is revealed); in sight but not allowed is FORBIDDEN.
 */
export const meetingNotFound = () => new DomainError('MEETING_NOT_FOUND', 'Không tìm thấy hội nghị, buổi sinh hoạt hoặc bạn không có quyền xem.');
export const forbidden = () => new DomainError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');

export function checkPath(actor: Actor, action: Action, path: TreePath, notFound: () => DomainError): void {
  if (can(actor, action, path)) return;
  if (!can(actor, 'read', path)) throw notFound();
  throw forbidden();
}

export async function meetingFor(tx: Db | Tx, actor: Actor, id: string, action: Action, forUpdate = false): Promise<MeetingRow> {
  const m = await lookupMeeting(tx, id, forUpdate);
  if (!m) throw meetingNotFound();
  checkPath(actor, action, m.unitPath, meetingNotFound);
  return m;
}

/** Refuses changes to a cancelled meeting. */
export function requireNotCancelled(m: Pick<MeetingRow, 'status'>): void {
  if (m.status === 'cancelled') throw new DomainError('MEETING_CANCELLED', 'Hội nghị, buổi sinh hoạt này đã hủy.');
}

/** Attendance and results are recorded once the day has come. */
export function requireStarted(date: IsoDate, now: Date, what = 'Chỉ điểm danh được'): void {
  const today = vietnamDate(now);
  if (date > today) {
    throw new DomainError('MEETING_IN_FUTURE', `${what} khi buổi sinh hoạt đã diễn ra (ngày ${formatViDate(date)}).`);
  }
}

/** The advance-notice state of a meeting on `now` (core/meetings/notice.ts). */
export function noticeView(m: Pick<MeetingRow, 'date' | 'noticeDays' | 'sentUpAt' | 'makeupOf'>, now: Date): NoticeView {
  const sentOn = m.sentUpAt ? vietnamDate(new Date(isoInstant(m.sentUpAt))) : null;
  const s = noticeStatus({ sessionDate: m.date, requiredDays: m.makeupOf ? null : m.noticeDays, sentOn, today: vietnamDate(now) });
  return { ...s, sentUpAt: m.sentUpAt ? isoInstant(m.sentUpAt) : null };
}

/**
 * True when the actor may link or read a document: a stub (known only from citations, public), a
 * document held within the actor's reach, or a plan the actor may read (a cell reads the plan
 * addressed to it, though the plan is held above it); a secret one only when the actor may read it.
 */
export async function canReadDocument(tx: Db | Tx, actor: Actor, id: string): Promise<boolean> {
  const r = await tx.execute<{ path: string | null; isPlan: boolean }>(sql`
    SELECT d.owner_path::text AS path, EXISTS (SELECT 1 FROM plan p WHERE p.id = d.id) AS "isPlan"
    FROM document d WHERE d.id = ${id} AND d.deleted_at IS NULL`);
  const row = r.rows[0];
  if (!row) return false;
  if (row.path === null) return true;
  if (await isSecretHidden(tx, actor, id)) return false;
  if (can(actor, 'read', row.path as TreePath)) return true;
  return row.isPlan ? (await planReach(tx, actor, id, 'read')).read : false;
}

/** Checks a list of document ids for linking; throws DOCUMENT_NOT_FOUND naming none of them. */
export async function requireReadableDocuments(tx: Db | Tx, actor: Actor, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) {
    if (!(await canReadDocument(tx, actor, id))) throw new DomainError('DOCUMENT_NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem.');
  }
}
