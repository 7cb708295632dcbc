import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Action } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can, scopeRoots, unitIdOfLabel } from '#core/access/scope.ts';
import type { Audience } from '#core/plans/audience.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import type { IsoDate } from '#core/ids.ts';
import type { Db, Tx } from '../client.ts';
import type { Due } from '#core/deadline/types.ts';
import { daysLate, instanceStatus, INSTANCE_STATUS_LABELS } from '#core/deadline/resolve.ts';
import type { TaskInstanceView } from '#shared/plans.ts';

/**
 * SQL of the plans module that more than one file runs: who may see a plan (the access rules and
 * the services), the plan row, its items, its readers by name, and task instances as the lists
 * and updates read them.
 *
 * Who sees a plan (DESIGN.md principle 5):
 * - a draft: readers of the plan's unit (grants on it or above it);
 * - a published plan: also readers of any unit it is addressed to (a cell reads the plan addressed
 *   to it; the grassroots committee above that cell too), and users granted on it explicitly;
 * - a published plan of normal confidentiality: also the users of units below a unit it is
 *   addressed to (the cells of an addressed grassroots organisation see what it must carry out).
 *   A secret ("mật") plan is not shown to them.
 */

const ltreeArray = (paths: readonly string[]) => `{${paths.join(',')}}`;
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * A condition true for plans the actor may read. Expects the plan as `p`, its document as `d` and
 * the plan's unit as `pu` in the surrounding query.
 */
export function planVisibleSql(actor: Actor): SQL {
  if (actor.superuser) return sql`TRUE`;
  const roots = scopeRoots(actor, 'read');
  if (roots.length === 0) {
    return sql`(p.status <> 'draft' AND EXISTS (SELECT 1 FROM plan_access x WHERE x.plan_id = p.id AND x.user_id = ${actor.userId}))`;
  }
  const above = [...new Set(roots.flatMap((r) => r.split('.').map(unitIdOfLabel)))];
  return sql`(
    pu.path <@ ${ltreeArray(roots)}::ltree[]
    OR (p.status <> 'draft' AND (
      EXISTS (SELECT 1 FROM unit au JOIN plan_audience a ON a.unit_id = au.id AND a.plan_id = p.id WHERE au.path <@ ${ltreeArray(roots)}::ltree[])
      OR (d.confidentiality = 'normal' AND EXISTS (SELECT 1 FROM plan_audience a WHERE a.plan_id = p.id AND a.unit_id = ANY(${uuidArray(above)}::uuid[])))
      OR EXISTS (SELECT 1 FROM plan_access x WHERE x.plan_id = p.id AND x.user_id = ${actor.userId})
    ))
  )`;
}

export interface PlanReach {
  exists: boolean;
  read: boolean;
  /** True when the actor may do `action` to the plan (edit, publish: `write` on the plan's unit). */
  allowed: boolean;
}

/** What the actor may do to a plan: the access rule of the `plan` resource. */
export async function planReach(db: Db | Tx, actor: Actor, planId: string, action: Action): Promise<PlanReach> {
  const r = await db.execute<{ path: string; visible: boolean }>(sql`
    SELECT pu.path::text AS path, (${planVisibleSql(actor)}) AS visible
    FROM plan p JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
    WHERE p.id = ${planId} AND d.deleted_at IS NULL`);
  const row = r.rows[0];
  if (!row) return { exists: false, read: false, allowed: false };
  const read = row.visible === true;
  const allowed = action === 'read' ? read : can(actor, action, row.path as TreePath);
  return { exists: true, read: read || allowed, allowed };
}

export type PlanRow = {
  id: string;
  unitId: string;
  unitPath: TreePath;
  unitName: string;
  unitKind: UnitKind;
  unitProvinceId: string | null;
  status: 'draft' | 'published' | 'cancelled';
  parentPlanId: string | null;
  number: string | null;
  title: string;
  issuedOn: string | null;
  confidentiality: 'normal' | 'secret';
  publishedAt: Date | null;
};

/** A plan with its document and unit (current path), or null; `forUpdate` locks the plan row. */
export async function lookupPlan(tx: Tx, id: string, forUpdate = false): Promise<PlanRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF p') : sql.raw('');
  const r = await tx.execute<PlanRow>(sql`
    SELECT p.id, p.unit_id AS "unitId", pu.path::text AS "unitPath", pu.name AS "unitName", pu.kind AS "unitKind", pu.province_id AS "unitProvinceId",
           p.status, p.parent_plan_id AS "parentPlanId", d.number, coalesce(d.title, '') AS title,
           d.issued_on::text AS "issuedOn", d.confidentiality, p.published_at AS "publishedAt"
    FROM plan p JOIN document d ON d.id = p.id JOIN unit pu ON pu.id = p.unit_id
    WHERE p.id = ${id} AND d.deleted_at IS NULL ${lock}`);
  return r.rows[0] ?? null;
}

/** A task instance as an update needs it: `accessPath` is where its unit stands now, `unitPath` where its counters are kept. */
export type LockedInstance = {
  id: string;
  planId: string;
  unitPath: TreePath;
  accessPath: TreePath;
  dueDate: IsoDate | null;
  status: 'open' | 'done' | 'cancelled';
  doneOn: IsoDate | null;
};

/** Loads and locks task instances for an update, in id order. */
export async function lockTaskInstances(tx: Tx, ids: readonly string[]): Promise<LockedInstance[]> {
  const r = await tx.execute<LockedInstance>(sql`
    SELECT ti.id, ti.plan_id AS "planId", ti.unit_path::text AS "unitPath", u.path::text AS "accessPath", ti.due_date::text AS "dueDate",
           ti.status, ti.done_on::text AS "doneOn"
    FROM task_instance ti JOIN unit u ON u.id = ti.unit_id
    WHERE ti.id = ANY(${`{${ids.join(',')}}`}::uuid[])
    ORDER BY ti.id
    FOR UPDATE OF ti`);
  return r.rows;
}

/** A task or report obligation of a plan, as publishing needs it. */
export interface PlanItem {
  item: 'task' | 'report';
  id: string;
  kind: string;
  dues: Due[];
  audience: Audience;
}

/** The tasks and obligations of a plan. */
export async function findPlanItems(tx: Tx, planId: string): Promise<PlanItem[]> {
  const r = await tx.execute<{ item: 'task' | 'report'; id: string; kind: string; due: unknown; audience: Audience }>(sql`
    SELECT 'task' AS item, id, kind, due, audience, ord FROM task WHERE plan_id = ${planId}
    UNION ALL
    SELECT 'report', id, 'report', due, audience, ord FROM report_obligation WHERE plan_id = ${planId}
    ORDER BY item DESC, ord`);
  return r.rows.map((x) => ({
    item: x.item,
    id: x.id,
    kind: x.kind,
    dues: x.due === null ? [] : Array.isArray(x.due) ? (x.due as Due[]) : [x.due as Due],
    audience: x.audience,
  }));
}

/** A task instance as the lists and an update read it (TASK_INSTANCE_COLUMNS over TASK_INSTANCE_FROM). */
export type TaskInstanceRow = Omit<TaskInstanceView, 'status' | 'statusLabel' | 'daysLate' | 'updatedAt'> & { updatedAt: Date };

export const TASK_INSTANCE_COLUMNS = sql.raw(`ti.id, ti.plan_id AS "planId", d.number AS "planNumber", coalesce(d.title, '') AS "planTitle",
  ti.task_id AS "taskId", t.text AS "taskText", t.kind AS "taskKind", ti.unit_id AS "unitId", u.name AS "unitName",
  ti.period_key AS "periodKey", ti.period_label AS "periodLabel", ti.period_start::text AS "periodStart", ti.period_end::text AS "periodEnd",
  ti.due_date::text AS "dueDate", ti.status AS state, ti.done_on::text AS "doneOn", ti.progress_note AS "progressNote", ti.evidence,
  ti.fulfilled_by_plan_id AS "fulfilledByPlanId", ti.updated_at AS "updatedAt"`);

export const TASK_INSTANCE_FROM = sql.raw(`task_instance ti JOIN task t ON t.id = ti.task_id JOIN document d ON d.id = ti.plan_id
  JOIN unit u ON u.id = ti.unit_id`);

/** Adds the status on `today` (chưa đến hạn … hoàn thành trễ hạn) and the days late. */
export function presentTaskInstance(r: TaskInstanceRow, today: IsoDate): TaskInstanceView {
  const due = r.dueDate as IsoDate | null;
  const doneOn = r.doneOn as IsoDate | null;
  const status = instanceStatus({ due, doneOn }, today);
  const late = status === 'overdue' ? daysLate(due!, today) : status === 'done_late' ? daysLate(due!, doneOn!) : null;
  return { ...r, status, statusLabel: INSTANCE_STATUS_LABELS[status].vi, daysLate: late, updatedAt: new Date(r.updatedAt).toISOString() };
}

/** The status of the plan that document `id` is, or null when the document is not a plan. */
export async function lookupPlanStatus(tx: Tx, id: string): Promise<PlanRow['status'] | null> {
  const r = await tx.execute<{ status: PlanRow['status'] }>(sql`SELECT status FROM plan WHERE id = ${id}`);
  return r.rows[0]?.status ?? null;
}

/** The users granted to read a plan by name (plan_access), in id order. */
export async function findPlanAccess(tx: Tx, planId: string): Promise<string[]> {
  const r = await tx.execute<{ userId: string }>(sql`SELECT user_id AS "userId" FROM plan_access WHERE plan_id = ${planId} ORDER BY user_id`);
  return r.rows.map((x) => x.userId);
}

/** Replaces the "implements" links of a plan's document. */
export async function writeImplementsLinks(tx: Tx, planId: string, documentIds: readonly string[]): Promise<void> {
  await tx.execute(sql`DELETE FROM document_link WHERE from_id = ${planId} AND relation = 'implements'`);
  const ids = [...new Set(documentIds)].filter((id) => id !== planId);
  if (ids.length === 0) return;
  await tx.execute(sql`
    INSERT INTO document_link (from_id, to_id, relation)
    SELECT ${planId}, x, 'implements' FROM unnest(${uuidArray(ids)}::uuid[]) AS x ON CONFLICT DO NOTHING`);
}
