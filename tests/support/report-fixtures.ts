/**
 * Published plans with report obligations and tasks, inserted directly (as publishing leaves them:
 * plan, audience, one instance per unit and period, counters rebuilt), for the tests of what
 * happens to instances afterwards: submissions, review, urging, reminders.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { IsoDate } from '#core/ids.ts';
import type { CountedInstance, Progress } from '#core/rollup/counters.ts';
import { progressFromCounters } from '#core/rollup/counters.ts';
import type { Db } from '#server/db/client.ts';
import { rebuildCounters } from '#server/db/queries/progress.ts';
import { setReceivers } from '#server/db/queries/reporting-chain.ts';

export interface PeriodSpec {
  key: string;
  label: string;
  due: string | null;
}

export const STUDY_FORM = {
  figures: [
    { key: 'total', label: 'Tổng số đảng viên', unit: 'người' },
    { key: 'studied', label: 'Số đảng viên được học tập', unit: 'người', of: 'total' },
  ],
  sections: [
    { key: 'results', title: 'Kết quả học tập, quán triệt' },
    { key: 'proposals', title: 'Kiến nghị, đề xuất' },
  ],
};

export interface PlanFixture {
  planId: string;
  obligationId: string;
  taskId: string | null;
  /** The obligation instance of a unit for a period (the first period when left out). */
  instance(unitId: string, periodKey?: string): string;
  task(unitId: string, periodKey?: string): string;
}

/**
 * A published plan of `issuerId` with one report obligation (and, with `task`, one task) addressed
 * to `audience`, with one instance per unit and period.
 */
export async function publishPlanFixture(
  db: Db,
  o: {
    issuerId: string;
    audience: string[];
    number?: string | null;
    title?: string;
    obligationTitle?: string;
    periods?: PeriodSpec[];
    form?: unknown;
    reminderDays?: number[];
    task?: { text: string; periods?: PeriodSpec[] };
    publishedAt?: Date;
    confidentiality?: 'normal' | 'secret';
  },
): Promise<PlanFixture> {
  const planId = randomUUID();
  const obligationId = randomUUID();
  const periods = o.periods ?? [{ key: '2022-03-31', label: '31/03/2022', due: '2022-03-31' }];
  const at = (o.publishedAt ?? new Date('2022-03-11T03:00:00Z')).toISOString();
  await db.transaction(async (tx) => {
    const issuer = (await tx.execute<{ path: string; name: string }>(sql`SELECT path::text AS path, name FROM unit WHERE id = ${o.issuerId}`)).rows[0]!;
    await tx.execute(sql`
      INSERT INTO document (id, kind, number, title, status, confidentiality, owner_unit_id, owner_path, issuer_name, created_at, updated_at)
      VALUES (${planId}, 'KH', ${o.number === undefined ? '48-KH/ĐUK' : o.number}, ${o.title ?? 'Tổ chức nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4'},
              'confirmed', ${o.confidentiality ?? 'normal'}, ${o.issuerId}, ${issuer.path}::ltree, ${issuer.name}, ${at}, ${at})`);
    await tx.execute(sql`
      INSERT INTO plan (id, unit_id, unit_path, status, published_at, reminder_days, created_at, updated_at)
      VALUES (${planId}, ${o.issuerId}, ${issuer.path}::ltree, 'published', ${at}, ${`{${(o.reminderDays ?? [7, 1]).join(',')}}`}::int[], ${at}, ${at})`);
    await tx.execute(sql`
      INSERT INTO report_obligation (id, plan_id, ord, title, from_text, to_text, via_text, due, form)
      VALUES (${obligationId}, ${planId}, 1, ${o.obligationTitle ?? 'Báo cáo kết quả học tập, quán triệt Kết luận, Quy định'},
              'Các chi, đảng bộ cơ sở', 'Ban Thường vụ Đảng ủy Khối', 'Ban Tuyên giáo Đảng ủy Khối', '[]'::jsonb,
              ${JSON.stringify(o.form ?? STUDY_FORM)}::jsonb)`);
    const ids = `{${o.audience.join(',')}}`;
    await tx.execute(sql`
      INSERT INTO plan_audience (plan_id, unit_id) SELECT ${planId}, u.id FROM unit u WHERE u.id = ANY(${ids}::uuid[])`);
    const periodJson = JSON.stringify(periods);
    await tx.execute(sql`
      INSERT INTO obligation_instance (obligation_id, plan_id, unit_id, unit_path, province_id, period_key, period_label, due_date)
      SELECT ${obligationId}, ${planId}, u.id, u.path, u.province_id, p.key, p.label, p.due
      FROM unit u, jsonb_to_recordset(${periodJson}::jsonb) AS p(key text, label text, due date)
      WHERE u.id = ANY(${ids}::uuid[])`);
    await setReceivers(tx, planId);
    if (o.task) {
      const taskId = randomUUID();
      await tx.execute(sql`INSERT INTO task (id, plan_id, ord, text) VALUES (${taskId}, ${planId}, 1, ${o.task.text})`);
      await tx.execute(sql`
        INSERT INTO task_instance (task_id, plan_id, unit_id, unit_path, province_id, period_key, period_label, due_date)
        SELECT ${taskId}, ${planId}, u.id, u.path, u.province_id, p.key, p.label, p.due
        FROM unit u, jsonb_to_recordset(${JSON.stringify(o.task.periods ?? periods)}::jsonb) AS p(key text, label text, due date)
        WHERE u.id = ANY(${ids}::uuid[])`);
    }
    await rebuildCounters(tx, planId);
  });
  const inst = await db.execute<{ unit_id: string; period_key: string; id: string; item: string }>(sql`
    SELECT unit_id, period_key, id, 'report' AS item FROM obligation_instance WHERE plan_id = ${planId}
    UNION ALL SELECT unit_id, period_key, id, 'task' FROM task_instance WHERE plan_id = ${planId}`);
  const taskRow = await db.execute<{ id: string }>(sql`SELECT id FROM task WHERE plan_id = ${planId}`);
  const find = (item: string) => (unitId: string, periodKey?: string) => {
    const row = inst.rows.find((r) => r.item === item && r.unit_id === unitId && (periodKey === undefined || r.period_key === periodKey));
    if (!row) throw new Error(`no ${item} instance for ${unitId} ${periodKey ?? ''}`);
    return row.id;
  };
  return { planId, obligationId, taskId: taskRow.rows[0]?.id ?? null, instance: find('report'), task: find('task') };
}

/** The tree path of a unit. */
export async function pathOf(db: Db, unitId: string): Promise<TreePath> {
  return (await db.execute<{ path: string }>(sql`SELECT path::text AS path FROM unit WHERE id = ${unitId}`)).rows[0]!.path as TreePath;
}

/**
 * The instances of a plan as the roll-up counts them: a task when done; a report when submitted
 * and not returned (lateness on the first submission).
 */
export async function countedInstances(db: Db, planId: string): Promise<CountedInstance[]> {
  const r = await db.execute<{ item: 'task' | 'report'; path: string; due: string | null; done_on: string | null; cancelled: boolean }>(sql`
    SELECT 'task' AS item, unit_path::text AS path, due_date::text AS due, CASE WHEN status = 'done' THEN done_on::text END AS done_on,
           status = 'cancelled' AS cancelled
    FROM task_instance WHERE plan_id = ${planId}
    UNION ALL
    SELECT 'report', unit_path::text, due_date::text, CASE WHEN status IN ('submitted', 'accepted') THEN first_submitted_on::text END,
           status = 'cancelled'
    FROM obligation_instance WHERE plan_id = ${planId}`);
  return r.rows.map((x) => ({ item: x.item, unitPath: x.path as TreePath, due: x.due as IsoDate | null, doneOn: x.done_on as IsoDate | null, cancelled: x.cancelled }));
}

/** The progress of a unit's subtree as the counters hold it. */
export async function progressFromDb(db: Db, planId: string, unitId: string, today: string): Promise<Progress> {
  const r = await db.execute<{ item: 'task' | 'report'; dueDate: IsoDate; total: number; done: number; doneLate: number }>(sql`
    SELECT item, due_date::text AS "dueDate", total, done, done_late AS "doneLate" FROM progress_counter WHERE plan_id = ${planId} AND unit_id = ${unitId}`);
  return progressFromCounters(r.rows, today as IsoDate);
}

/** The notifications of a user, oldest first. */
export async function notificationsOf(db: Db, userId: string): Promise<{ kind: string; title: string; body: string | null; dedupe_key: string | null; unit_id: string | null; link: string | null }[]> {
  const r = await db.execute<{ kind: string; title: string; body: string | null; dedupe_key: string | null; unit_id: string | null; link: string | null }>(sql`
    SELECT kind, title, body, dedupe_key, unit_id, link FROM notification WHERE user_id = ${userId} ORDER BY created_at, dedupe_key`);
  return r.rows;
}

/**
 * A plan made and published through the API (POST /api/plans, POST /api/plans/:id/publish) by the
 * holder of `cookie`, with one report obligation addressed by default to every grassroots
 * organisation and cell below `unitId`; returns the same handles as publishPlanFixture.
 */
export async function publishPlanViaApi(
  t: { request(cookie: string | null, o: { method: 'POST'; url: string; payload: Record<string, unknown> }): Promise<{ statusCode: number; body: string; json(): unknown }>; database: { db: Db } },
  cookie: string,
  o: { unitId: string; number: string; title: string; obligationTitle: string; dues: string[]; form?: unknown },
): Promise<PlanFixture & { instances: number }> {
  const draft = {
    unitId: o.unitId,
    number: o.number,
    title: o.title,
    obligations: [{
      title: o.obligationTitle,
      fromText: 'Các chi, đảng bộ cơ sở',
      toText: 'Ban Thường vụ Đảng ủy Khối',
      viaText: 'Ban Tuyên giáo Đảng ủy Khối',
      due: o.dues.map((value) => ({ type: 'date', value })),
      form: o.form ?? STUDY_FORM,
    }],
  };
  const created = await t.request(cookie, { method: 'POST', url: '/api/plans', payload: draft });
  if (created.statusCode !== 201) throw new Error(`POST /api/plans: ${created.statusCode} ${created.body}`);
  const planId = (created.json() as { id: string }).id;
  const published = await t.request(cookie, { method: 'POST', url: `/api/plans/${planId}/publish`, payload: {} });
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  const db = t.database.db;
  const obligationId = (await db.execute<{ id: string }>(sql`SELECT id FROM report_obligation WHERE plan_id = ${planId}`)).rows[0]!.id;
  const rows = (await db.execute<{ unit_id: string; period_key: string; id: string }>(sql`
    SELECT unit_id, period_key, id FROM obligation_instance WHERE plan_id = ${planId} ORDER BY period_key`)).rows;
  const instance = (unitId: string, periodKey?: string) => {
    const row = rows.find((r) => r.unit_id === unitId && (periodKey === undefined || r.period_key === periodKey));
    if (!row) throw new Error(`no report instance for ${unitId} ${periodKey ?? ''}`);
    return row.id;
  };
  const task = () => {
    throw new Error('no task in this plan');
  };
  return { planId, obligationId, taskId: null, instance, task, instances: (published.json() as { instances: number }).instances };
}
