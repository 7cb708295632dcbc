import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { CampaignCreate } from '#shared/meetings.ts';
import type { Tx } from '../../db/client.ts';
import { lookupPlan } from '../../db/queries/plans.ts';
import { documentForCitation } from '../documents/document-links.ts';
import { requireReadableDocuments } from './scope.ts';

/**
 * Writing a campaign's months: each month's topics and documents. A document is a record the
 * actor may read, or a citation ("Nghị quyết số 03-NQ/TW ngày 26/6/1992") found or stubbed as the
 * documents module does for the documents a plan cites.
 */

/** Checks the plan and task a campaign belongs to: a published plan of the campaign's unit, a task of it. */
export async function checkCampaignPlan(tx: Tx, unitId: string, planId: string | null | undefined, taskId: string | null | undefined): Promise<void> {
  if (taskId && !planId) throw new DomainError('TASK_NOT_IN_PLAN', 'Hãy chọn kế hoạch của nhiệm vụ.');
  if (!planId) return;
  const plan = await lookupPlan(tx, planId);
  if (!plan || plan.unitId !== unitId) throw new DomainError('PLAN_NOT_OF_UNIT', 'Kế hoạch được chọn không phải kế hoạch của đơn vị này.');
  if (plan.status !== 'published') throw new DomainError('PLAN_NOT_PUBLISHED', 'Kế hoạch chưa được ban hành.');
  if (taskId) {
    const r = await tx.execute(sql`SELECT 1 FROM task WHERE id = ${taskId} AND plan_id = ${planId}`);
    if (r.rows.length === 0) throw new DomainError('TASK_NOT_IN_PLAN', 'Nhiệm vụ được chọn không thuộc kế hoạch này.');
  }
}

/** Writes one month's documents (replacing those it had). */
async function writeDocuments(tx: Tx, actor: Actor, monthId: string, owner: TreePath, docs: CampaignCreate['months'][number]['documents'], at: string): Promise<void> {
  await tx.execute(sql`DELETE FROM campaign_document WHERE month_id = ${monthId}`);
  await requireReadableDocuments(tx, actor, docs.flatMap((d) => (d.documentId ? [d.documentId] : [])));
  const rows: { document_id: string; ord: number; note: string | null }[] = [];
  for (const [i, d] of docs.entries()) {
    const id = d.documentId ?? (await documentForCitation(tx, { kind: d.citation!.kind, number: d.citation!.number, date: d.citation!.date ?? null }, { id: randomUUID(), ownerPath: owner }, at));
    if (!id) throw new DomainError('CITATION_INVALID', `Số, ký hiệu văn bản "${d.citation?.number ?? ''}" không đọc được.`);
    if (!rows.some((r) => r.document_id === id)) rows.push({ document_id: id, ord: i + 1, note: d.note ?? null });
  }
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO campaign_document (month_id, document_id, ord, note)
    SELECT ${monthId}, x.document_id, x.ord, x.note FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(document_id uuid, ord int, note text)`);
}

/**
 * Makes the campaign's months exactly `months`: a month already there keeps its id (meetings that
 * covered it stay attached), a new one is added, one no longer listed is removed — unless a
 * meeting covered it (MONTH_IN_USE).
 */
export async function writeMonths(tx: Tx, actor: Actor, campaignId: string, owner: TreePath, months: CampaignCreate['months'], at: string): Promise<void> {
  const existing = await tx.execute<{ id: string; month: string; used: boolean }>(sql`
    SELECT cm.id, cm.month, EXISTS (SELECT 1 FROM meeting m WHERE m.campaign_month_id = cm.id) AS used FROM campaign_month cm WHERE cm.campaign_id = ${campaignId}`);
  const keep = new Set(months.map((m) => m.month));
  for (const old of existing.rows) {
    if (keep.has(old.month)) continue;
    if (old.used) {
      throw new DomainError('MONTH_IN_USE', `Tháng ${Number(old.month.slice(5))}/${old.month.slice(0, 4)} đã có chi bộ ghi nhận sinh hoạt; không xóa được.`);
    }
    await tx.execute(sql`DELETE FROM campaign_document WHERE month_id = ${old.id}`);
    await tx.execute(sql`DELETE FROM campaign_month WHERE id = ${old.id}`);
  }
  const byMonth = new Map(existing.rows.map((r) => [r.month, r.id] as const));
  for (const m of [...months].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    let id = byMonth.get(m.month);
    const topics = sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(m.topics)}::json))`;
    if (id) {
      await tx.execute(sql`UPDATE campaign_month SET topics = ${topics} WHERE id = ${id}`);
    } else {
      id = randomUUID();
      await tx.execute(sql`INSERT INTO campaign_month (id, campaign_id, month, topics) VALUES (${id}, ${campaignId}, ${m.month}, ${topics})`);
    }
    await writeDocuments(tx, actor, id, owner, m.documents, at);
  }
}
