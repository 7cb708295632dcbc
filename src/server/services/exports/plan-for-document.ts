import { sql } from 'drizzle-orm';
import type { Due } from '#core/deadline/types.ts';
import { formatViDateInText } from '#core/text/dates.ts';
import { OUTGOING_KINDS, isOutgoingKind } from '#core/documents-out/kinds.ts';
import type { PlanTaskForDocument } from '#core/documents-out/plan-document.ts';
import { UNIT_KINDS, type UnitKind } from '#core/org-tree/kinds.ts';
import type { PlanView, TaskView } from '#shared/plans.ts';
import type { Db, Tx } from '../../db/client.ts';
import { findUnitNames } from '../../db/queries/units.ts';
import { secretHiddenSql } from '../../db/queries/plans.ts';
import type { Actor } from '#core/access/scope.ts';
import { maskSecret } from '#core/plans/secrecy.ts';

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

/**
 * The documents a plan carries out, as its opening sentence names them: "Kế hoạch số 161-KH/TU
 * ngày 22/2/2022 của Ban Thường vụ Tỉnh ủy về …". The superior's plan comes first when it is not
 * among them. A secret one the actor may not read is named only as a secret document of its issuer.
 */
export async function implementsText(tx: Db | Tx, actor: Actor, plan: Pick<PlanView, 'id' | 'parentPlanId'>): Promise<string[]> {
  const r = await tx.execute<{ id: string; kind: string; number: string | null; issuedOn: string | null; title: string | null; issuer: string | null; hidden: boolean }>(sql`
    SELECT d.id, d.kind, d.number, d.issued_on::text AS "issuedOn", d.title, coalesce(d.issuer_name, u.name) AS issuer,
           ${secretHiddenSql(actor, sql`d.id`)} AS hidden
    FROM document d LEFT JOIN plan p ON p.id = d.id LEFT JOIN unit u ON u.id = p.unit_id
    WHERE d.deleted_at IS NULL AND (d.id IN (SELECT to_id FROM document_link WHERE from_id = ${plan.id} AND relation = 'implements')
       OR d.id = ${plan.parentPlanId})
    ORDER BY d.id = ${plan.parentPlanId} DESC, d.issued_on NULLS LAST, d.number`);
  return r.rows.map(({ hidden, ...row }) => {
    const d = maskSecret(row, hidden, { number: 'number', title: 'document' });
    const of = d.issuer ? ` của ${d.issuer}` : '';
    if (hidden) return `${lowerFirst(d.title ?? '')}${of}`;
    const kind = isOutgoingKind(d.kind) ? OUTGOING_KINDS[d.kind].vi : 'Văn bản';
    const number = d.number ? ` số ${d.number}` : '';
    const date = d.issuedOn ? ` ngày ${formatViDateInText(d.issuedOn)}` : '';
    const about = d.title ? ` về ${lowerFirst(d.title.trim())}` : '';
    return `${kind}${number}${date}${of}${about}`;
  });
}

/** Who carries out a task that names no lead unit, in words ("Các chi, đảng bộ cơ sở"). */
function audienceWords(a: TaskView['audience'], names: Map<string, string>, issuerName: string): string {
  switch (a.scope) {
    case 'grassroots':
      return 'Các chi, đảng bộ cơ sở';
    case 'children':
      return 'Các đơn vị trực thuộc';
    case 'self':
      return issuerName;
    case 'units':
      return (a.unitIds ?? []).map((id) => names.get(id)).filter(Boolean).join(', ');
    case 'kinds':
      return (a.kinds ?? []).map((k) => UNIT_KINDS[k as UnitKind]?.vi ?? k).join(', ');
  }
}

/** The plan's tasks as the document prints them: lead and support units by name, deadlines, audience. */
export async function tasksForDocument(tx: Db | Tx, plan: Pick<PlanView, 'tasks'>, issuerName: string): Promise<PlanTaskForDocument[]> {
  const ids = [...new Set(plan.tasks.flatMap((t) => [...t.leadUnitIds, ...t.supportUnitIds, ...(t.audience.unitIds ?? [])]))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const u of await findUnitNames(tx, ids)) names.set(u.id, u.name);
  }
  const named = (text: readonly string[], unitIds: readonly string[]) => (text.length > 0 ? [...text] : unitIds.map((id) => names.get(id)).filter((n): n is string => !!n));
  return plan.tasks.map((t) => {
    const lead = named(t.leadText, t.leadUnitIds);
    return {
      text: t.text,
      lead,
      support: named(t.supportText, t.supportUnitIds),
      due: (t.due as Due | null) ?? null,
      dueText: t.dueText,
      audience: lead.length > 0 ? null : audienceWords(t.audience, names, issuerName) || null,
    };
  });
}
