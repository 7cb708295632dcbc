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
import { maskSecret } from '#core/plans/secrecy.ts';
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
 *   A secret ("mật") plan is not shown to them;
 * - a secret plan that carries out secret documents (its superior's plan, by "implements" or as
 *   its parent, and theirs in turn): only those of the above who may also read each of them. The
 *   issuer of a secret plan decides who reads it; a plan carrying it out, which copies its tasks
 *   and cites it, reaches no one the issuer did not (docs/decisions/012-secret-plans.md).
 */

const ltreeArray = (paths: readonly string[]) => `{${paths.join(',')}}`;
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The names a query gives a plan, its document and its unit. */
interface PlanAliases {
  plan: string;
  doc: string;
  unit: string;
}
const OUTER: PlanAliases = { plan: 'p', doc: 'd', unit: 'pu' };

/** The deepest chain of documents carried out that the secrecy rule follows (as the document chain shows). */
const MAX_SECRET_CHAIN = 12;

/** The rule of one plan by itself, before what it carries out is looked at. */
function ownReadersSql(actor: Actor, a: PlanAliases): SQL {
  const [p, d, pu] = [sql.raw(a.plan), sql.raw(a.doc), sql.raw(a.unit)];
  const roots = scopeRoots(actor, 'read');
  if (roots.length === 0) {
    return sql`(${p}.status <> 'draft' AND EXISTS (SELECT 1 FROM plan_access x WHERE x.plan_id = ${p}.id AND x.user_id = ${actor.userId}))`;
  }
  const above = [...new Set(roots.flatMap((r) => r.split('.').map(unitIdOfLabel)))];
  return sql`(
    ${pu}.path <@ ${ltreeArray(roots)}::ltree[]
    OR (${p}.status <> 'draft' AND (
      EXISTS (SELECT 1 FROM unit au JOIN plan_audience a ON a.unit_id = au.id AND a.plan_id = ${p}.id WHERE au.path <@ ${ltreeArray(roots)}::ltree[])
      OR (${d}.confidentiality = 'normal' AND EXISTS (SELECT 1 FROM plan_audience a WHERE a.plan_id = ${p}.id AND a.unit_id = ANY(${uuidArray(above)}::uuid[])))
      OR EXISTS (SELECT 1 FROM plan_access x WHERE x.plan_id = ${p}.id AND x.user_id = ${actor.userId})
    ))
  )`;
}

/** The edges "carries out": a document's "implements" links and a plan's parent plan. */
const CARRIES_OUT = sql.raw(`(SELECT from_id, to_id FROM document_link WHERE relation = 'implements'
  UNION ALL SELECT id, parent_plan_id FROM plan WHERE parent_plan_id IS NOT NULL)`);

/**
 * A condition true for plans the actor may read. Expects the plan as `p`, its document as `d` and
 * the plan's unit as `pu` in the surrounding query, or the names given.
 */
export function planVisibleSql(actor: Actor, a: PlanAliases = OUTER): SQL {
  if (actor.superuser) return sql`TRUE`;
  const up = { plan: 'up_p', doc: 'up_d', unit: 'up_u' };
  return sql`(${ownReadersSql(actor, a)} AND (${sql.raw(a.doc)}.confidentiality <> 'secret' OR NOT EXISTS (
    WITH RECURSIVE up(id, depth) AS (
      SELECT e.to_id, 1 FROM ${CARRIES_OUT} e WHERE e.from_id = ${sql.raw(a.plan)}.id
      UNION
      SELECT e.to_id, up.depth + 1 FROM up JOIN ${CARRIES_OUT} e ON e.from_id = up.id WHERE up.depth < ${MAX_SECRET_CHAIN}
    )
    SELECT 1 FROM up
    JOIN document up_d ON up_d.id = up.id AND up_d.confidentiality = 'secret' AND up_d.deleted_at IS NULL
    LEFT JOIN plan up_p ON up_p.id = up_d.id
    LEFT JOIN unit up_u ON up_u.id = up_p.unit_id
    WHERE NOT (CASE WHEN up_p.id IS NULL THEN ${ownerReadableSql(actor, 'up_d')} ELSE ${ownReadersSql(actor, up)} END)
  )))`;
}

/** A document (as `alias`) held within the actor's read scope, or a stub. */
function ownerReadableSql(actor: Actor, alias: string): SQL {
  const roots = scopeRoots(actor, 'read');
  const d = sql.raw(alias);
  if (roots.length === 0) return sql`${d}.owner_path IS NULL`;
  return sql`(${d}.owner_path IS NULL OR ${d}.owner_path <@ ${ltreeArray(roots)}::ltree[])`;
}

/**
 * A condition true when the document `documentId` (an expression of the surrounding query) is
 * secret and the actor may not read it — a plan by the rule above, another document when it is
 * held outside the actor's scope. What a view shows of such a document goes through
 * core/plans/secrecy.ts `maskSecret`.
 */
export function secretHiddenSql(actor: Actor, documentId: SQL): SQL {
  if (actor.superuser) return sql`FALSE`;
  return sql`EXISTS (
    SELECT 1 FROM document sd LEFT JOIN plan sp ON sp.id = sd.id LEFT JOIN unit spu ON spu.id = sp.unit_id
    WHERE sd.id = ${documentId} AND sd.confidentiality = 'secret'
      AND NOT (CASE WHEN sp.id IS NULL THEN ${ownerReadableSql(actor, 'sd')} ELSE ${planVisibleSql(actor, { plan: 'sp', doc: 'sd', unit: 'spu' })} END))`;
}

/** Whether the actor may not read the secret document `documentId` (false for a document that is not secret). */
export async function isSecretHidden(db: Db | Tx, actor: Actor, documentId: string): Promise<boolean> {
  const r = await db.execute<{ hidden: boolean }>(sql`SELECT ${secretHiddenSql(actor, sql`${documentId}::uuid`)} AS hidden`);
  return r.rows[0]?.hidden === true;
}

/**
 * Someone who reads the unit at `path` and nothing else: what a letter or a document sent to that
 * unit may name is what this reader may read. No user has this id, so no plan is granted to it by name.
 */
export function readerOfUnit(unitId: string, path: TreePath): Actor {
  return { userId: '00000000-0000-0000-0000-000000000000', username: '', superuser: false, grants: [{ unitId, unitPath: path, role: 'viewer' }] };
}

/** Whether some of the units `unitIds` may not read the secret document `documentId` (false for a document that is not secret). */
export async function isSecretHiddenFromSome(db: Db | Tx, documentId: string, unitIds: readonly string[]): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const units = await db.execute<{ id: string; path: TreePath }>(sql`SELECT id, path::text AS path FROM unit WHERE id = ANY(${uuidArray(unitIds)}::uuid[])`);
  for (const u of units.rows) {
    if (await isSecretHidden(db, readerOfUnit(u.id, u.path), documentId)) return true;
  }
  return false;
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
  /** The plan carried out a secret document: it stays secret (services/plans/plan-secrecy.ts). */
  secretInherited: boolean;
  publishedAt: Date | null;
};

/** A plan with its document and unit (current path), or null; `forUpdate` locks the plan row. */
export async function lookupPlan(tx: Tx, id: string, forUpdate = false): Promise<PlanRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF p') : sql.raw('');
  const r = await tx.execute<PlanRow>(sql`
    SELECT p.id, p.unit_id AS "unitId", pu.path::text AS "unitPath", pu.name AS "unitName", pu.kind AS "unitKind", pu.province_id AS "unitProvinceId",
           p.status, p.parent_plan_id AS "parentPlanId", d.number, coalesce(d.title, '') AS title,
           d.issued_on::text AS "issuedOn", d.confidentiality, p.secret_inherited AS "secretInherited", p.published_at AS "publishedAt"
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
  beyond: boolean;
};

/** Loads and locks task instances for an update, in id order. */
export async function lockTaskInstances(tx: Tx, ids: readonly string[]): Promise<LockedInstance[]> {
  const r = await tx.execute<LockedInstance>(sql`
    SELECT ti.id, ti.plan_id AS "planId", ti.unit_path::text AS "unitPath", u.path::text AS "accessPath", ti.due_date::text AS "dueDate",
           ti.status, ti.done_on::text AS "doneOn", ti.beyond
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

/** A task instance as the lists and an update read it (taskInstanceColumns over TASK_INSTANCE_FROM). */
export type TaskInstanceRow = Omit<TaskInstanceView, 'status' | 'statusLabel' | 'daysLate' | 'updatedAt'> & { updatedAt: Date; hidden: boolean };

/** The columns of a task instance, with whether its plan is secret and hidden from the actor. */
export function taskInstanceColumns(actor: Actor): SQL {
  return sql`ti.id, ti.plan_id AS "planId", d.number AS "planNumber", coalesce(d.title, '') AS "planTitle",
  ti.task_id AS "taskId", t.text AS "taskText", t.kind AS "taskKind", ti.unit_id AS "unitId", u.name AS "unitName",
  ti.period_key AS "periodKey", ti.period_label AS "periodLabel", ti.period_start::text AS "periodStart", ti.period_end::text AS "periodEnd",
  ti.due_date::text AS "dueDate", ti.status AS state, ti.done_on::text AS "doneOn", ti.beyond, ti.progress_note AS "progressNote", ti.evidence,
  ti.fulfilled_by_plan_id AS "fulfilledByPlanId", ti.updated_at AS "updatedAt", ${secretHiddenSql(actor, sql`ti.plan_id`)} AS hidden`;
}

export const TASK_INSTANCE_FROM = sql.raw(`task_instance ti JOIN task t ON t.id = ti.task_id JOIN document d ON d.id = ti.plan_id
  JOIN unit u ON u.id = ti.unit_id`);

/**
 * A task instance (as `ti`) that none of the unit's own instances carries out: the unit's work list
 * shows a task of the superior's plan once, as the task of the unit's own plan that carries it out
 * (docs/decisions/014-reporting-chain.md).
 */
export const NOT_CARRIED_OUT_SQL = sql.raw(`NOT EXISTS (SELECT 1 FROM task_instance c WHERE c.carries_out_id = ti.id AND c.unit_id = ti.unit_id AND c.status <> 'cancelled')`);

/**
 * Adds the status on `today` (chưa đến hạn … hoàn thành trễ hạn) and the days late; a unit that
 * carries out a secret plan it may not read sees its work without the plan's words.
 */
export function presentTaskInstance({ hidden, ...r }: TaskInstanceRow, today: IsoDate): TaskInstanceView {
  const due = r.dueDate as IsoDate | null;
  const doneOn = r.doneOn as IsoDate | null;
  const status = instanceStatus({ due, doneOn }, today);
  const late = status === 'overdue' ? daysLate(due!, today) : status === 'done_late' ? daysLate(due!, doneOn!) : null;
  const shown = maskSecret(r, hidden, { planNumber: 'number', planTitle: 'plan', taskText: 'task' });
  return { ...shown, status, statusLabel: INSTANCE_STATUS_LABELS[status].vi, daysLate: late, updatedAt: new Date(r.updatedAt).toISOString() };
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
