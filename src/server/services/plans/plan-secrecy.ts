import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import { keepsSecrecy } from '#core/plans/secrecy.ts';
import type { Tx } from '../../db/client.ts';

/**
 * A plan is never less secret than what it carries out (core/plans/secrecy.ts `keepsSecrecy`):
 * creating, editing and publishing a plan check it both ways — the documents it carries out
 * against its own secrecy, and its own secrecy against the plans that carry it out.
 */

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The documents a plan carries out, as stored: its "implements" links and its parent plan. */
export async function findCarriedOut(tx: Tx, planId: string): Promise<string[]> {
  const r = await tx.execute<{ id: string }>(sql`
    SELECT to_id AS id FROM document_link WHERE from_id = ${planId} AND relation = 'implements'
    UNION SELECT parent_plan_id FROM plan WHERE id = ${planId} AND parent_plan_id IS NOT NULL`);
  return r.rows.map((x) => x.id);
}

/**
 * Checks a plan of the given secrecy carrying out `carriedOut`; `inherited` when it carried out a
 * secret document before (plan.secret_inherited). When the plan exists and is to be secret, also
 * the plans that carry it out. Returns whether it carries out a secret document now, for the
 * caller to record. Throws SECRET_PLAN_DOWNGRADE (409) when it would be normal, SECRET_PLAN_OPEN_IMPLEMENTER
 * (409) when it is to be secret while a plan that is not carries it out.
 */
export async function requireSecrecyKept(
  tx: Tx,
  plan: { id: string | null; secret: boolean; inherited: boolean },
  carriedOut: readonly string[],
): Promise<boolean> {
  const ids = [...new Set(carriedOut)];
  const linked = ids.length === 0
    ? []
    : (await tx.execute<{ secret: boolean }>(sql`
        SELECT confidentiality = 'secret' AS secret FROM document WHERE id = ANY(${uuidArray(ids)}::uuid[]) AND deleted_at IS NULL`)).rows.map((x) => x.secret);
  if (!keepsSecrecy(plan.secret, linked)) {
    throw new DomainError('SECRET_PLAN_DOWNGRADE', 'Kế hoạch thực hiện văn bản mật phải là kế hoạch mật; không để ở độ mật "Thường" được.');
  }
  if (!keepsSecrecy(plan.secret, [], plan.inherited)) {
    throw new DomainError('SECRET_PLAN_DOWNGRADE', 'Kế hoạch này đã thực hiện văn bản mật và chép lại nội dung của văn bản đó nên vẫn là kế hoạch mật; không hạ xuống độ mật "Thường" được.');
  }
  if (plan.secret && plan.id) {
    const r = await tx.execute<{ n: number }>(sql`
      SELECT count(DISTINCT i.id)::int AS n FROM plan i JOIN document d ON d.id = i.id AND d.deleted_at IS NULL AND d.confidentiality <> 'secret'
      WHERE i.parent_plan_id = ${plan.id}
         OR i.id IN (SELECT from_id FROM document_link WHERE to_id = ${plan.id} AND relation = 'implements')`);
    // Each of them would then be less secret than what it carries out.
    const open = r.rows[0]?.n ?? 0;
    if (open > 0) {
      throw new DomainError(
        'SECRET_PLAN_OPEN_IMPLEMENTER',
        `Có ${open} kế hoạch không mật đang thực hiện kế hoạch này; chỉ chuyển kế hoạch này thành mật được khi các kế hoạch đó đã là kế hoạch mật.`,
      );
    }
  }
  return linked.some(Boolean);
}
