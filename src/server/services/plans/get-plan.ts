import { sql } from 'drizzle-orm';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { ObligationView, PlanView, TaskView } from '#shared/plans.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { lookupPlan, planReach, findPlanAccess, secretHiddenSql } from '../../db/queries/plans.ts';
import type { ServiceContext } from '../context.ts';
import { readTogether } from '../../db/read-together.ts';

/** A stored form with every optional part present (forms written by other paths may leave them out). */
function formOf(f: unknown): ObligationView['form'] {
  const form = (f ?? {}) as { figures?: Record<string, unknown>[]; sections?: Record<string, unknown>[] };
  return {
    figures: (form.figures ?? []).map((x) => ({ key: String(x.key), label: String(x.label ?? x.key), unit: (x.unit as string | undefined) ?? null, of: (x.of as string | undefined) ?? null })),
    sections: (form.sections ?? []).map((x) => ({ key: String(x.key), title: String(x.title ?? x.key) })),
  };
}

const notFound = () => new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem.');

/**
 * A plan as the actor may see it: document fields, parent plan, implemented documents (a secret one
 * the actor may not read masked), tasks, obligations. Throws PLAN_NOT_FOUND.
 */
export async function getPlan(id: string, { actor, tx }: ServiceContext): Promise<PlanView> {
  const reach = await planReach(tx, actor, id, 'write');
  if (!reach.read) throw notFound();
  const plan = await lookupPlan(tx, id);
  if (!plan) throw notFound();
  const [extra, parent, docs, tasks, obligations, access] = await readTogether(tx, [
    () => tx.execute<{
      recipients: string[]; reminderDays: number[]; sessionNoticeDays: number | null; createdAt: Date; audienceCount: number;
      cancelledAt: Date | null; cancelledBy: string | null; cancelReason: string | null;
    }>(sql`
      SELECT d.recipients, p.reminder_days AS "reminderDays", p.session_notice_days AS "sessionNoticeDays", p.created_at AS "createdAt",
             (SELECT count(*)::int FROM plan_audience a WHERE a.plan_id = p.id) AS "audienceCount",
             p.cancelled_at AS "cancelledAt", coalesce(cp.full_name, cu.username) AS "cancelledBy", p.cancel_reason AS "cancelReason"
      FROM plan p JOIN document d ON d.id = p.id LEFT JOIN app_user cu ON cu.id = p.cancelled_by LEFT JOIN person cp ON cp.id = cu.person_id WHERE p.id = ${id}`),
    () => plan.parentPlanId
      ? tx.execute<NonNullable<PlanView['parentPlan']> & { hidden: boolean }>(sql`
          SELECT p.id, d.number, coalesce(d.title, '') AS title, p.unit_id AS "unitId", u.name AS "unitName", ${secretHiddenSql(actor, sql`p.id`)} AS hidden
          FROM plan p JOIN document d ON d.id = p.id JOIN unit u ON u.id = p.unit_id WHERE p.id = ${plan.parentPlanId}`)
      : Promise.resolve({ rows: [] }),
    () => tx.execute<PlanView['implements'][number] & { hidden: boolean }>(sql`
      SELECT d.id, d.kind, d.number, d.title, d.issued_on::text AS "issuedOn", ${secretHiddenSql(actor, sql`d.id`)} AS hidden
      FROM document_link l JOIN document d ON d.id = l.to_id
      WHERE l.from_id = ${id} AND l.relation = 'implements' AND d.deleted_at IS NULL
      ORDER BY d.issued_on NULLS LAST, d.number`),
    () => tx.execute<Omit<TaskView, 'audience'> & { audience: TaskView['audience'] }>(sql`
      SELECT id, ord, text, kind, lead_unit_ids AS "leadUnitIds", support_unit_ids AS "supportUnitIds", lead_text AS "leadText",
             support_text AS "supportText", due, due_text AS "dueText", audience, responsible, responsibility, authority, output,
             parent_task_id AS "parentTaskId"
      FROM task WHERE plan_id = ${id} ORDER BY ord`),
    () => tx.execute<ObligationView>(sql`
      SELECT id, ord, title, from_text AS "fromText", to_text AS "toText", via_text AS "viaText", to_unit_id AS "toUnitId",
             via_unit_id AS "viaUnitId", due, cutoff_day AS "cutoffDay", form, audience
      FROM report_obligation WHERE plan_id = ${id} ORDER BY ord`),
    () => reach.allowed
      ? findPlanAccess(tx, id)
      : Promise.resolve([]),
  ]);
  const e = extra.rows[0]!;
  const writer = can(actor, 'write', plan.unitPath);
  const editable = plan.status === 'draft' && writer;
  return {
    id: plan.id,
    unitId: plan.unitId,
    unitName: plan.unitName,
    number: plan.number,
    title: plan.title,
    issuedOn: plan.issuedOn,
    status: plan.status,
    confidentiality: plan.confidentiality,
    parentPlanId: plan.parentPlanId,
    // A superior's plan or a document carried out is named only to those who may read it.
    parentPlan: parent.rows.map(({ hidden, ...x }) => maskSecret(x, hidden, { number: 'number', title: 'plan' }))[0] ?? null,
    implements: docs.rows.map(({ hidden, ...x }) => maskSecret(x, hidden, { number: 'number', title: 'document' })),
    recipients: e.recipients,
    reminderDays: e.reminderDays,
    sessionNoticeDays: e.sessionNoticeDays,
    publishedAt: plan.publishedAt ? new Date(plan.publishedAt).toISOString() : null,
    createdAt: new Date(e.createdAt).toISOString(),
    audienceCount: e.audienceCount,
    tasks: tasks.rows,
    obligations: obligations.rows.map((o) => ({ ...o, form: formOf(o.form) })),
    accessUserIds: access,
    cancellation: plan.status === 'cancelled' && e.cancelledAt
      ? { at: new Date(e.cancelledAt).toISOString(), byName: e.cancelledBy, reason: e.cancelReason ?? '' }
      : null,
    permissions: { edit: editable, publish: editable, delete: editable, cancel: plan.status === 'published' && writer },
  };
}
