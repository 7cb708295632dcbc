import { sql } from 'drizzle-orm';
import type { Action } from '#core/access/roles.ts';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Tx } from '../../db/client.ts';
import { getUnitRow } from '../../db/queries/units.ts';
import { isSecretHidden } from '../../db/queries/plans.ts';
import { notFound, refuse } from './rules.ts';

export interface ObligationScope {
  /** `secret`: the plan is "mật"; `hidden`: and the actor may not read it (core/plans/secrecy.ts masks what is shown of it). */
  obligation: { id: string; title: string; planId: string; planStatus: string; planUnitId: string; planUnitPath: TreePath; secret: boolean; hidden: boolean };
  unit: { id: string; name: string; path: TreePath };
}

/**
 * A report obligation looked at over the subtree of `unitId` (default: the plan's unit), for the
 * receiving level's status list and urging. The actor needs `action` on that unit, and the
 * obligation must concern it: the actor can read the plan's unit, or the obligation is owed
 * somewhere in the subtree (a lower level following its own units). Throws OBLIGATION_NOT_FOUND,
 * NOT_FOUND, FORBIDDEN.
 */
export async function obligationScope(tx: Tx, actor: Actor, obligationId: string, unitId: string | undefined, action: Action): Promise<ObligationScope> {
  const r = await tx.execute<Omit<ObligationScope['obligation'], 'hidden'>>(sql`
    SELECT ro.id, ro.title, ro.plan_id AS "planId", p.status AS "planStatus", p.unit_id AS "planUnitId", p.unit_path::text AS "planUnitPath",
           d.confidentiality = 'secret' AS secret
    FROM report_obligation ro JOIN plan p ON p.id = ro.plan_id JOIN document d ON d.id = p.id WHERE ro.id = ${obligationId}`);
  const row = r.rows[0];
  if (!row) throw new DomainError('OBLIGATION_NOT_FOUND', 'Không tìm thấy yêu cầu báo cáo.');
  const obligation = { ...row, hidden: row.secret && (await isSecretHidden(tx, actor, row.planId)) };
  const unit = await getUnitRow(tx, unitId ?? obligation.planUnitId);
  if (!can(actor, action, unit.path)) throw refuse(actor, unit.path, 'Bạn không có quyền thực hiện thao tác này tại đơn vị đã chọn.');
  if (!can(actor, 'read', obligation.planUnitPath)) {
    const owed = await tx.execute(sql`
      SELECT 1 FROM obligation_instance WHERE plan_id = ${obligation.planId} AND obligation_id = ${obligation.id}
        AND unit_path <@ ${unit.path}::ltree LIMIT 1`);
    if (owed.rows.length === 0) throw notFound();
  }
  return { obligation, unit: { id: unit.id, name: unit.name, path: unit.path } };
}
