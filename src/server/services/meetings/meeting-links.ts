import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Rapporteur } from '#shared/meetings.ts';
import type { Db, Tx } from '../../db/client.ts';
import { campaignCellSql, rapporteurRoster } from '../../db/queries/meetings.ts';

/**
 * What a meeting links to, checked against its unit: the task instance it fulfils (the unit's own),
 * the campaign month it covers (a campaign that addresses the unit), its chair (a member of the
 * unit) and its rapporteurs (from the roster of the unit and the levels above).
 */

export interface LinkedTask {
  id: string;
  planId: string;
  /** plan.session_notice_days of the plan that gave the task: the days of advance notice it asks. */
  noticeDays: number | null;
}

export async function resolveTaskInstance(tx: Db | Tx, unitId: string, id: string): Promise<LinkedTask> {
  const r = await tx.execute<{ unitId: string; status: string; planId: string; noticeDays: number | null }>(sql`
    SELECT ti.unit_id AS "unitId", ti.status, ti.plan_id AS "planId", p.session_notice_days AS "noticeDays"
    FROM task_instance ti JOIN plan p ON p.id = ti.plan_id WHERE ti.id = ${id}`);
  const row = r.rows[0];
  if (!row || row.unitId !== unitId) throw new DomainError('TASK_INSTANCE_MISMATCH', 'Nhiệm vụ được chọn không phải nhiệm vụ của đơn vị này.');
  if (row.status === 'cancelled') throw new DomainError('INSTANCE_CANCELLED', 'Nhiệm vụ này đã được hủy.');
  return { id, planId: row.planId, noticeDays: row.noticeDays };
}

export type LinkedMonth = {
  id: string;
  month: string;
  campaignId: string;
  planId: string | null;
  taskId: string | null;
  noticeDays: number | null;
};

export async function resolveCampaignMonth(tx: Db | Tx, unitId: string, id: string): Promise<LinkedMonth> {
  const r = await tx.execute<LinkedMonth & { addressed: boolean }>(sql`
    SELECT cm.id, cm.month, c.id AS "campaignId", c.plan_id AS "planId", c.task_id AS "taskId", p.session_notice_days AS "noticeDays",
           EXISTS (SELECT 1 FROM unit x WHERE x.id = ${unitId} AND ${campaignCellSql()}) AS addressed
    FROM campaign_month cm JOIN campaign c ON c.id = cm.campaign_id JOIN unit cu ON cu.id = c.unit_id
    LEFT JOIN plan p ON p.id = c.plan_id
    WHERE cm.id = ${id}`);
  const row = r.rows[0];
  if (!row || !row.addressed) throw new DomainError('CAMPAIGN_NOT_ADDRESSED', 'Đợt sinh hoạt chính trị được chọn không giao cho đơn vị này.');
  const { addressed: _a, ...month } = row;
  return month;
}

/** The unit's task instance of a campaign's task for the month of `date`, if it has one. */
export async function campaignTaskInstance(tx: Db | Tx, unitId: string, taskId: string, date: string): Promise<string | null> {
  const r = await tx.execute<{ id: string }>(sql`
    SELECT id FROM task_instance
    WHERE task_id = ${taskId} AND unit_id = ${unitId} AND status <> 'cancelled'
      AND (period_start IS NULL OR period_start <= ${date}::date) AND (period_end IS NULL OR period_end >= ${date}::date)
    ORDER BY period_start DESC NULLS LAST LIMIT 1`);
  return r.rows[0]?.id ?? null;
}

export async function requireChair(tx: Db | Tx, unitId: string, personId: string): Promise<void> {
  const r = await tx.execute(sql`
    SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id
    WHERE m.person_id = ${personId} AND m.unit_id = ${unitId} AND p.deleted_at IS NULL LIMIT 1`);
  if (r.rows.length === 0) throw new DomainError('CHAIR_NOT_MEMBER', 'Người chủ trì phải là thành viên của đơn vị (hoặc ghi tên người chủ trì).');
}

/** Rapporteurs given by person must be on the roster; their names are taken from it. */
export async function checkRapporteurs(tx: Db | Tx, unitPath: TreePath, list: readonly Rapporteur[]): Promise<Rapporteur[]> {
  if (!list.some((x) => x.personId)) return [...list];
  const roster = new Map((await rapporteurRoster(tx, unitPath)).map((x) => [x.personId, x] as const));
  return list.map((x) => {
    if (!x.personId) return x;
    const found = roster.get(x.personId);
    if (!found) throw new DomainError('RAPPORTEUR_NOT_IN_ROSTER', `${x.name} không có trong danh sách báo cáo viên của đơn vị và cấp trên.`);
    return { personId: found.personId, name: found.name, unitName: found.unitName };
  });
}

/**
 * A round of personal plans whose plans a unit's meeting may discuss: one that reached the unit
 * (launched at it or above it) or that has members managed there. Throws ROUND_NOT_FOUND.
 */
export async function requireRoundAtUnit(tx: Tx, roundId: string, unit: { id: string; path: TreePath }): Promise<void> {
  const r = await tx.execute(sql`
    SELECT 1 FROM round r JOIN unit u ON u.id = r.unit_id
    WHERE r.id = ${roundId} AND (${unit.path}::ltree <@ u.path
      OR EXISTS (SELECT 1 FROM personal_plan pp WHERE pp.round_id = r.id AND pp.unit_id = ${unit.id})
      OR EXISTS (SELECT 1 FROM pledge pl WHERE pl.round_id = r.id AND pl.unit_id = ${unit.id})
      OR EXISTS (SELECT 1 FROM round_roster rr WHERE rr.round_id = r.id AND rr.unit_id = ${unit.id}))`);
  if (r.rows.length === 0) throw new DomainError('ROUND_NOT_FOUND', 'Không tìm thấy đợt kế hoạch cá nhân này ở đơn vị.');
}
