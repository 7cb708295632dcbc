import { sql } from 'drizzle-orm';
import type { Action } from '#core/access/roles.ts';
import { can, unitIdOfLabel } from '#core/access/scope.ts';
import type { Consolidation, OwedReport, SubtreeUnit } from '#core/consolidation/consolidate.ts';
import { consolidate } from '#core/consolidation/consolidate.ts';
import type { ConsolidationDraft } from '#core/consolidation/draft.ts';
import { defaultDraft, fitDraft } from '#core/consolidation/draft.ts';
import { formatViDateInText } from '#core/text/dates.ts';
import { bodyName } from '#core/documents-out/issuer.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import type { UnitKind } from '#core/org-tree/kinds.ts';
import { readForm, type ReportForm } from '#core/reports/form.ts';
import { ConsolidationDraftSchema, type ConsolidationQuery } from '#shared/consolidation.ts';
import type { VersionRow } from '../../db/queries/consolidation.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import type { Issuer } from '../exports/issuer-context.ts';
import { getIssuer } from '../exports/issuer-context.ts';
import type { ObligationScope } from '../reports/obligation-scope.ts';
import { obligationScope } from '../reports/obligation-scope.ts';
import { readTogether } from '../../db/read-together.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';

export type PlanInfo = {
  id: string;
  number: string | null;
  title: string;
  issuedOn: IsoDate | null;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  parentPlanId: string | null;
};

export interface ObligationInfo {
  id: string;
  title: string;
  form: ReportForm;
  toText: string | null;
  viaText: string | null;
}

/** Where "submit upward" sends the consolidated report. */
export interface Target {
  instanceId: string;
  obligationId: string;
  obligationTitle: string;
  form: ReportForm;
  planNumber: string | null;
  periodKey: string;
  periodLabel: string;
  status: string;
  toText: string | null;
  viaText: string | null;
}

export interface ConsolidationState {
  scope: ObligationScope;
  plan: PlanInfo;
  obligation: ObligationInfo;
  period: PeriodRow;
  periods: PeriodRow[];
  today: IsoDate;
  /** Every unit of the subtree, with its parent. */
  units: SubtreeUnit[];
  consolidation: Consolidation;
  issuer: Issuer;
  versions: VersionRow[];
  draft: ConsolidationDraft;
  targets: Target[];
  target: Target | null;
  targetProblem: string | null;
}

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

/** "Kế hoạch số 48-KH/ĐUK, ngày 11/3/2022 của Ban Thường vụ Đảng ủy Khối … về …": the plan as a sentence names it. */
export function planReference(plan: PlanInfo): string {
  const number = plan.number ? ` số ${plan.number}` : '';
  const date = plan.issuedOn ? `, ngày ${formatViDateInText(plan.issuedOn)}` : '';
  const about = plan.title ? ` về ${lowerFirst(plan.title.trim())}` : '';
  return `Kế hoạch${number}${date} của ${bodyName({ kind: plan.unitKind, name: plan.unitName })}${about}`;
}

async function getPlanInfo(tx: Db | Tx, planId: string): Promise<PlanInfo> {
  const r = await tx.execute<PlanInfo>(sql`
    SELECT p.id, d.number, coalesce(d.title, '') AS title, d.issued_on::text AS "issuedOn", p.unit_id AS "unitId",
           u.name AS "unitName", u.kind AS "unitKind", p.parent_plan_id AS "parentPlanId"
    FROM plan p JOIN document d ON d.id = p.id JOIN unit u ON u.id = p.unit_id WHERE p.id = ${planId}`);
  const plan = r.rows[0];
  if (!plan) throw new DomainError('PLAN_NOT_FOUND', 'Không tìm thấy kế hoạch.');
  return plan;
}

async function getObligationInfo(tx: Db | Tx, id: string): Promise<ObligationInfo> {
  const r = await tx.execute<{ id: string; title: string; form: unknown; toText: string | null; viaText: string | null }>(sql`
    SELECT id, title, form, to_text AS "toText", via_text AS "viaText" FROM report_obligation WHERE id = ${id}`);
  const o = r.rows[0];
  if (!o) throw new DomainError('OBLIGATION_NOT_FOUND', 'Không tìm thấy yêu cầu báo cáo.');
  return { ...o, form: readForm(o.form) };
}

/** The period asked for, or the latest one due by today, else the first. Throws PERIOD_NOT_FOUND, PLAN_NOT_PUBLISHED. */
function choosePeriod(periods: PeriodRow[], wanted: string | undefined, today: IsoDate): PeriodRow {
  if (periods.length === 0) throw new DomainError('PLAN_NOT_PUBLISHED', 'Kế hoạch chưa được ban hành: chưa có đơn vị nào phải gửi báo cáo này.');
  if (wanted) {
    const p = periods.find((x) => x.key === wanted);
    if (!p) throw new DomainError('PERIOD_NOT_FOUND', `Không có kỳ báo cáo "${wanted}". Các kỳ: ${periods.map((x) => x.label).join(', ')}.`);
    return p;
  }
  const due = periods.filter((p) => p.dueDate !== null && p.dueDate <= today);
  return due[due.length - 1] ?? periods[0]!;
}

/**
 * The reports this unit owes upward that the consolidation can become: its own instance of the same
 * obligation and period (the obligation climbs the tree within one plan), else its instances in
 * the superior's plan that this plan carries out.
 */
async function findTargets(tx: Db | Tx, actor: Actor, obligationId: string, plan: PlanInfo, unitId: string, periodKey: string): Promise<Target[]> {
  const select = sql`
    SELECT oi.id AS "instanceId", oi.obligation_id AS "obligationId", ro.title AS "obligationTitle", ro.form, d.number AS "planNumber",
           ${secretHiddenSql(actor, sql`oi.plan_id`)} AS hidden,
           oi.period_key AS "periodKey", oi.period_label AS "periodLabel", oi.status, ro.to_text AS "toText", ro.via_text AS "viaText"
    FROM obligation_instance oi JOIN report_obligation ro ON ro.id = oi.obligation_id JOIN document d ON d.id = oi.plan_id`;
  type Row = Omit<Target, 'form'> & { form: unknown; hidden: boolean };
  const own = await tx.execute<Row>(sql`${select}
    WHERE oi.obligation_id = ${obligationId} AND oi.unit_id = ${unitId} AND oi.period_key = ${periodKey} AND oi.status <> 'cancelled'`);
  let rows = own.rows;
  if (rows.length === 0 && plan.parentPlanId) {
    const up = await tx.execute<Row>(sql`${select}
      WHERE oi.plan_id = ${plan.parentPlanId} AND oi.unit_id = ${unitId} AND oi.status <> 'cancelled'
      ORDER BY ro.ord, oi.period_start NULLS LAST, oi.period_key`);
    rows = up.rows;
  }
  return rows.map(({ hidden, ...r }) => ({ ...maskSecret(r, hidden, { obligationTitle: 'report', planNumber: 'number' }), form: readForm(r.form) }));
}

/** The one target to use: the one asked for, the only one, or the only one of the same period. */
export function chooseTarget(targets: Target[], periodKey: string, wanted?: string): { target: Target | null; problem: string | null } {
  if (wanted) {
    const t = targets.find((x) => x.instanceId === wanted);
    return t ? { target: t, problem: null } : { target: null, problem: 'Báo cáo cấp trên được chọn không phải là báo cáo của đơn vị này gắn với yêu cầu báo cáo này.' };
  }
  if (targets.length === 0) {
    return { target: null, problem: 'Đơn vị không có báo cáo nào phải gửi cấp trên gắn với yêu cầu báo cáo này (không thuộc đối tượng báo cáo, và kế hoạch không thực hiện một kế hoạch cấp trên có báo cáo giao cho đơn vị).' };
  }
  if (targets.length === 1) return { target: targets[0]!, problem: null };
  const same = targets.filter((t) => t.periodKey === periodKey);
  if (same.length === 1) return { target: same[0]!, problem: null };
  return { target: null, problem: `Đơn vị có nhiều báo cáo phải gửi cấp trên; hãy chọn một: ${targets.map((t) => `${t.obligationTitle} (${t.periodLabel})`).join('; ')}.` };
}

/**
 * Everything the consolidation routes need: the obligation seen over the unit's subtree (the
 * actor needs `action` on the unit), the period, the consolidation of today, the issuer, every
 * saved version and the draft to edit. Throws OBLIGATION_NOT_FOUND, NOT_FOUND, FORBIDDEN,
 * PERIOD_NOT_FOUND, PLAN_NOT_PUBLISHED.
 */
export async function getConsolidationState(obligationId: string, q: ConsolidationQuery, action: Action, { actor, tx, now }: ServiceContext, wantedTarget?: string): Promise<ConsolidationState> {
  const scope = await obligationScope(tx, actor, obligationId, q.unit, action);
  const today = vietnamDate(now);
  const [planRow, obligationRow, periods] = await readTogether(tx, [() => getPlanInfo(tx, scope.obligation.planId), () => getObligationInfo(tx, obligationId), () => findPeriods(tx, obligationId)]);
  // Everything below — the view, the draft, the Word and Excel files — names the plan as the actor may read it.
  const plan = maskSecret(planRow, scope.obligation.hidden, { number: 'number', title: 'plan' });
  const obligation = maskSecret(obligationRow, scope.obligation.hidden, { title: 'report' });
  const period = choosePeriod(periods, q.period, today);
  const [units, reports, issuer, versions, targets] = await readTogether(tx, [
    () => findSubtreeUnits(tx, scope.unit.path),
    () => findOwedReports(tx, obligationId, period.key, scope.unit.path),
    () => getIssuer(tx, scope.unit.path),
    () => findVersions(tx, { obligationId, unitId: scope.unit.id, periodKey: period.key }),
    () => findTargets(tx, actor, obligationId, plan, scope.unit.id, period.key),
  ]);
  const consolidation = consolidate({ rootId: scope.unit.id, units, reports, form: obligation.form, today });
  const { target, problem } = chooseTarget(targets, period.key, wantedTarget);

  const recipients = target
    ? [`${target.toText ?? issuer.parent?.name ?? 'Cấp trên'} (báo cáo)`, ...(target.viaText ? [target.viaText] : []), issuer.fileCopy]
    : [...(issuer.parent ? [`${bodyName(issuer.parent)} (báo cáo)`] : []), issuer.fileCopy];
  const proposed = defaultDraft(consolidation, {
    obligationTitle: obligation.title,
    period,
    periodCount: periods.length,
    answers: planReference(plan),
    bodyName: issuer.bodyName,
    recipients,
    signature: issuer.signature,
  });
  const saved = versions[0] ? ConsolidationDraftSchema.safeParse(versions[0].content) : null;
  const draft = saved?.success ? fitDraft(saved.data, consolidation) : proposed;
  return { scope, plan, obligation, period, periods, today, units, consolidation, issuer, versions, draft, targets, target, targetProblem: problem };
}

/** True when the actor may save, export and submit the unit's consolidation. */
export function mayEdit(l: ConsolidationState, actor: ServiceContext['actor']): boolean {
  return can(actor, 'write', l.scope.unit.path);
}

/** Every unit of the subtree at `root`, each with its parent as its path says (merged units stay under the unit that absorbed them). */
async function findSubtreeUnits(tx: Db | Tx, root: TreePath): Promise<SubtreeUnit[]> {
  const r = await tx.execute<{ id: string; name: string; path: string }>(sql`
    SELECT id, name, path::text AS path FROM unit WHERE path <@ ${root}::ltree`);
  return r.rows.map((u) => {
    const labels = u.path.split('.');
    return { id: u.id, name: u.name, parentId: labels.length > 1 ? unitIdOfLabel(labels[labels.length - 2]!) : null };
  });
}

/** The reports owed for one obligation and period in the subtree at `root`, each with its accepted version. */
async function findOwedReports(tx: Db | Tx, obligationId: string, periodKey: string, root: TreePath): Promise<OwedReport[]> {
  const r = await tx.execute<{
    unitId: string; instanceId: string; status: OwedReport['status']; dueDate: IsoDate | null; firstSubmittedOn: IsoDate | null;
    submissionId: string | null; version: number | null; figures: Record<string, number | null> | null; narrative: Record<string, string> | null;
  }>(sql`
    SELECT oi.unit_id AS "unitId", oi.id AS "instanceId", oi.status, oi.due_date::text AS "dueDate", oi.first_submitted_on::text AS "firstSubmittedOn",
           s.id AS "submissionId", s.version, s.figures, s.narrative
    FROM obligation_instance oi
    LEFT JOIN submission s ON s.obligation_instance_id = oi.id AND s.version = oi.current_version AND s.status = 'accepted'
    WHERE oi.obligation_id = ${obligationId} AND oi.period_key = ${periodKey} AND oi.status <> 'cancelled'
      AND oi.unit_path <@ ${root}::ltree`);
  return r.rows.map((x) => ({
    unitId: x.unitId,
    instanceId: x.instanceId,
    status: x.status,
    dueDate: x.dueDate,
    firstSubmittedOn: x.firstSubmittedOn,
    accepted: x.status === 'accepted' && x.submissionId
      ? { submissionId: x.submissionId, version: x.version ?? 0, figures: x.figures ?? {}, narrative: x.narrative ?? {} }
      : null,
  }));
}

/** The periods of an obligation, earliest due first. */
async function findPeriods(tx: Db | Tx, obligationId: string): Promise<PeriodRow[]> {
  const r = await tx.execute<PeriodRow>(sql`
    SELECT period_key AS key, min(period_label) AS label, min(due_date)::text AS "dueDate"
    FROM obligation_instance WHERE obligation_id = ${obligationId} AND status <> 'cancelled'
    GROUP BY period_key ORDER BY min(due_date) NULLS LAST, period_key`);
  return r.rows;
}

/** Every version of a consolidation, newest first. */
async function findVersions(tx: Db | Tx, key: { obligationId: string; unitId: string; periodKey: string }): Promise<VersionRow[]> {
  const r = await tx.execute<VersionRow>(sql`
    SELECT v.version, v.kind, v.content, v.basis, v.doc_number AS "docNumber", v.doc_seq AS "docSeq", v.doc_date::text AS "docDate",
           v.submission_id AS "submissionId", v.created_at AS "createdAt", v.created_by AS "createdById",
           coalesce(p.full_name, au.username) AS "createdByName"
    FROM consolidation_version v
    LEFT JOIN app_user au ON au.id = v.created_by
    LEFT JOIN person p ON p.id = au.person_id
    WHERE v.obligation_id = ${key.obligationId} AND v.unit_id = ${key.unitId} AND v.period_key = ${key.periodKey}
    ORDER BY v.version DESC`);
  return r.rows;
}

/** A period of an obligation, as the consolidation offers them. */
export type PeriodRow = {
  key: string;
  label: string;
  dueDate: IsoDate | null;
};
