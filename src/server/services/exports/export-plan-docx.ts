import type { Due } from '#core/deadline/types.ts';
import { formatViDateInText } from '#core/text/dates.ts';
import { buildPlanDocument, TASK_LIST_HEADER, taskListRows } from '#core/documents-out/plan-document.ts';
import { vietnamDate } from '#core/ids.ts';
import type { IsoDate } from '#core/ids.ts';
import { lookupPlan } from '../../db/queries/plans.ts';
import { renderAppendixDocx } from '../../writers/docx/render-appendix.ts';
import { renderDocx } from '../../writers/docx/render-document.ts';
import type { ServiceContext } from '../context.ts';
import { getPlan } from '../plans/get-plan.ts';
import { documentHeader, fileName, getIssuer, requireSignature } from './issuer-context.ts';
import { implementsText, tasksForDocument } from './plan-for-document.ts';

const compact = (n: string) => n.replace(/^\s*Số:?\s*/iu, '').replace(/\s+/g, '');

/**
 * The plan's number and date as the document prints them: the plan's own number and date of issue
 * when it has them, else the next number proposed for the unit and today (a draft being prepared).
 */
async function planHeader(planId: string, ctx: ServiceContext) {
  const plan = await getPlan(planId, ctx);
  const row = (await lookupPlan(ctx.tx, planId))!;
  const issuer = await getIssuer(ctx.tx, row.unitPath);
  const date = (plan.issuedOn ?? vietnamDate(ctx.now)) as IsoDate;
  const { header, number } = await documentHeader(ctx.tx, issuer, 'KH', date);
  return { plan, issuer, header: plan.number ? { ...header, number: compact(plan.number) } : header, number: plan.number ? compact(plan.number) : number.symbol };
}

/**
 * GET /api/plans/:id/export.docx: the plan as a KẾ HOẠCH in the format of its unit's kind — header,
 * number, date line, title, "Thực hiện …", the tasks with lead and support units and deadlines in
 * words, the reporting rules, Nơi nhận (the plan's recipients, else the units it is addressed to and
 * the file copy) and the signature of the unit's leader. Needs `read` on the plan.
 * Throws PLAN_NOT_FOUND, DOCUMENT_INCOMPLETE (no leader to sign).
 */
export async function exportPlanDocx(planId: string, ctx: ServiceContext): Promise<{ filename: string; data: Buffer }> {
  const { plan, issuer, header, number } = await planHeader(planId, ctx);
  const tasks = await tasksForDocument(ctx.tx, plan, issuer.unit.name);
  const recipients = plan.recipients.length > 0 ? plan.recipients : ['Các chi, đảng bộ cơ sở', issuer.fileCopy];
  const doc = buildPlanDocument(header, {
    title: plan.title,
    implementsText: await implementsText(ctx.tx, ctx.actor, plan),
    bodyName: issuer.bodyName,
    tasks,
    obligations: plan.obligations.map((o) => ({ title: o.title, toText: o.toText, viaText: o.viaText, due: o.due as Due[] })),
    recipients,
    signature: requireSignature(issuer),
  });
  return { filename: fileName(`Kế hoạch ${number.replace(/\//g, '-').trim()} - ${plan.title.slice(0, 80)}`, 'docx'), data: await renderDocx(doc) };
}

/**
 * GET /api/plans/:id/tasks.docx: the plan's task list (phụ lục) — STT, nội dung, đơn vị chủ trì,
 * phối hợp, thời hạn — attached to the plan by its number and date. Needs `read` on the plan.
 */
export async function exportTaskListDocx(planId: string, ctx: ServiceContext): Promise<{ filename: string; data: Buffer }> {
  const { plan, issuer, header, number } = await planHeader(planId, ctx);
  const tasks = await tasksForDocument(ctx.tx, plan, issuer.unit.name);
  const data = await renderAppendixDocx({
    profile: header.profile,
    date: header.date,
    heading: ['PHỤ LỤC', 'DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN KẾ HOẠCH'],
    attachedTo: `(Kèm theo Kế hoạch số ${number.trim()}, ngày ${formatViDateInText(header.date)} của ${issuer.bodyName})`,
    columns: [
      { header: TASK_LIST_HEADER[0], width: 8, align: 'center' },
      { header: TASK_LIST_HEADER[1], width: 40 },
      { header: TASK_LIST_HEADER[2], width: 18 },
      { header: TASK_LIST_HEADER[3], width: 18 },
      { header: TASK_LIST_HEADER[4], width: 16 },
    ],
    rows: taskListRows(tasks),
  });
  return { filename: fileName(`Phụ lục nhiệm vụ - Kế hoạch ${number.replace(/\//g, '-').trim()}`, 'docx'), data };
}
