import { sql } from 'drizzle-orm';
import type { Actor } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import { UNIT_KINDS, type UnitKind } from '#core/org-tree/kinds.ts';
import { formatViDate } from '#core/text/dates.ts';
import type { TaskInstanceListQuery } from '#shared/plans.ts';
import type { ObligationStatusQuery } from '#shared/reports.ts';
import { OBLIGATION_STATUS_LABELS, REPORT_STATE_LABELS } from '#shared/reports.ts';
import type { Db } from '../../db/client.ts';
import { lookupUnit } from '../../db/queries/units.ts';
import { tableToXlsx, type XlsxColumn } from '../../writers/xlsx/table-to-xlsx.ts';
import type { ServiceContext } from '../context.ts';
import { getPlanSummary } from '../plans/get-plan-summary.ts';
import { findTaskInstances } from '../plans/find-task-instances.ts';
import { findObligationStatus } from '../reports/find-obligation-status.ts';
import { findChildren } from '../units/read-units.ts';
import { fileName } from './issuer-context.ts';

/** The most rows one export holds; a larger list is exported unit by unit. */
export const EXPORT_MAX_ROWS = 20_000;
const PAGE = 200;

type File = { filename: string; data: Buffer };

/** Reads every page of a paged list (the services cap a page at 200 rows). Throws EXPORT_TOO_LARGE. */
async function allPages<T>(page: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const first = await page(PAGE, 0);
  if (first.total > EXPORT_MAX_ROWS) {
    throw new DomainError('EXPORT_TOO_LARGE', `Danh sách có ${first.total.toLocaleString('vi-VN')} dòng, quá ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng của một lần xuất; hãy xuất theo từng đơn vị trực thuộc.`);
  }
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await page(PAGE, items.length);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items;
}

/**
 * GET /api/units/:id/children.xlsx?on=: the direct sub-units of a unit (the tree of a past day with
 * `on`), with their kind, short name, number of sub-units and members, and dates of validity.
 */
export async function exportChildrenXlsx(db: Db, actor: Actor, unitId: string, on: IsoDate | null, now: Date): Promise<File> {
  const unit = await lookupUnit(db, unitId);
  if (!unit || !can(actor, 'read', unit.path)) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị hoặc bạn không có quyền xem.');
  const children = await findChildren(db, actor, unitId, on);
  const day = on ?? vietnamDate(now);
  const counts = new Map<string, number>();
  if (children.length > 0) {
    const r = await db.execute<{ unitId: string; n: number }>(sql`
      SELECT unit_id AS "unitId", count(*)::int AS n FROM membership
      WHERE unit_id = ANY(${`{${children.map((c) => c.id).join(',')}}`}::uuid[]) AND valid_from <= ${day} AND (valid_to IS NULL OR valid_to > ${day})
      GROUP BY unit_id`);
    for (const x of r.rows) counts.set(x.unitId, x.n);
  }
  const columns: XlsxColumn[] = [
    { key: 'stt', header: 'STT', type: 'integer', width: 6 },
    { key: 'name', header: 'Tên đơn vị', type: 'text', width: 48 },
    { key: 'shortName', header: 'Tên viết tắt', type: 'text', width: 14 },
    { key: 'kind', header: 'Loại đơn vị', type: 'text', width: 30 },
    { key: 'children', header: 'Số đơn vị trực thuộc', type: 'integer' },
    { key: 'members', header: 'Số thành viên', type: 'integer' },
    { key: 'from', header: 'Ngày thành lập', type: 'date' },
    { key: 'to', header: 'Ngày kết thúc', type: 'date' },
  ];
  const rows = children.map((c, i) => ({
    stt: i + 1,
    name: c.name,
    shortName: c.shortName,
    kind: UNIT_KINDS[c.kind as UnitKind]?.vi ?? c.kind,
    children: c.childCount,
    members: counts.get(c.id) ?? 0,
    from: c.validFrom,
    to: c.validTo,
  }));
  const data = await tableToXlsx({ sheetName: 'Đơn vị trực thuộc', title: `Đơn vị trực thuộc ${unit.name}`, columns, rows });
  return { filename: fileName(`Đơn vị trực thuộc - ${unit.name} - ${day}`, 'xlsx'), data };
}

/** GET /api/units/:id/task-instances.xlsx: the unit's task instances, with the list's filters (plan, status). */
export async function exportTaskInstancesXlsx(unitId: string, q: Omit<TaskInstanceListQuery, 'limit' | 'offset'>, ctx: ServiceContext): Promise<File> {
  const items = await allPages((limit, offset) => findTaskInstances(unitId, { ...q, limit, offset }, ctx));
  const unit = (await lookupUnit(ctx.tx, unitId))!;
  const columns: XlsxColumn[] = [
    { key: 'stt', header: 'STT', type: 'integer', width: 6 },
    { key: 'plan', header: 'Kế hoạch', type: 'text', width: 16 },
    { key: 'planTitle', header: 'Trích yếu kế hoạch', type: 'text', width: 40 },
    { key: 'task', header: 'Nhiệm vụ', type: 'text', width: 60 },
    { key: 'period', header: 'Kỳ', type: 'text', width: 16 },
    { key: 'due', header: 'Thời hạn', type: 'date' },
    { key: 'status', header: 'Tình trạng', type: 'text', width: 22 },
    { key: 'doneOn', header: 'Ngày hoàn thành', type: 'date', width: 16 },
    { key: 'late', header: 'Số ngày trễ hạn', type: 'integer', width: 14 },
    { key: 'note', header: 'Tiến độ, kết quả', type: 'text', width: 40 },
    { key: 'evidence', header: 'Số minh chứng', type: 'integer', width: 14 },
  ];
  const rows = items.map((t, i) => ({
    stt: i + 1,
    plan: t.planNumber ?? '',
    planTitle: t.planTitle,
    task: t.taskText,
    period: t.periodLabel,
    due: t.dueDate,
    status: t.statusLabel,
    doneOn: t.doneOn,
    late: t.daysLate,
    note: t.progressNote,
    evidence: t.evidence.length,
  }));
  const data = await tableToXlsx({ sheetName: 'Nhiệm vụ', title: `Nhiệm vụ của ${unit.name}`, columns, rows });
  return { filename: fileName(`Nhiệm vụ - ${unit.name} - ${vietnamDate(ctx.now)}`, 'xlsx'), data };
}

/** GET /api/obligations/:id/status.xlsx: who has sent a report, late or not at all, with the list's filters. */
export async function exportObligationStatusXlsx(obligationId: string, q: Omit<ObligationStatusQuery, 'limit' | 'offset'>, ctx: ServiceContext): Promise<File> {
  let head: Awaited<ReturnType<typeof findObligationStatus>> | null = null;
  const items = await allPages(async (limit, offset) => {
    const page = await findObligationStatus(obligationId, { ...q, limit, offset }, ctx);
    head ??= page;
    return page;
  });
  const info = head!;
  const columns: XlsxColumn[] = [
    { key: 'stt', header: 'STT', type: 'integer', width: 6 },
    { key: 'unit', header: 'Đơn vị', type: 'text', width: 44 },
    { key: 'parent', header: 'Trực thuộc', type: 'text', width: 40 },
    { key: 'period', header: 'Kỳ báo cáo', type: 'text', width: 16 },
    { key: 'due', header: 'Hạn báo cáo', type: 'date', width: 14 },
    { key: 'state', header: 'Tình hình báo cáo', type: 'text', width: 26 },
    { key: 'status', header: 'Trạng thái', type: 'text', width: 26 },
    { key: 'version', header: 'Số lần gửi', type: 'integer', width: 12 },
    { key: 'submittedOn', header: 'Ngày gửi lần đầu', type: 'date', width: 16 },
    { key: 'late', header: 'Số ngày trễ hạn', type: 'integer', width: 14 },
  ];
  const rows = items.map((r, i) => ({
    stt: i + 1,
    unit: r.unitName,
    parent: r.parentName,
    period: r.periodLabel,
    due: r.dueDate,
    state: REPORT_STATE_LABELS[r.state].vi,
    status: OBLIGATION_STATUS_LABELS[r.status].vi,
    version: r.version,
    submittedOn: r.submittedOn,
    late: r.daysLate,
  }));
  const data = await tableToXlsx({ sheetName: 'Tình hình báo cáo', title: `${info.obligation.title} - ${info.unit.name}`, columns, rows });
  return { filename: fileName(`Tình hình báo cáo - ${info.unit.name}`, 'xlsx'), data };
}

/**
 * GET /api/plans/:id/progress.xlsx?unit=: the dashboard's figures per direct child unit (its whole
 * subtree counted), the unit's own work and its total: tasks and reports, due so far, done,
 * overdue, late, with the completion and submission rates over what is due so far, as the dashboard.
 */
export async function exportProgressXlsx(planId: string, unitId: string | undefined, ctx: ServiceContext): Promise<File> {
  const s = await getPlanSummary(planId, unitId, ctx);
  const columns: XlsxColumn[] = [
    { key: 'stt', header: 'STT', type: 'integer', width: 6 },
    { key: 'unit', header: 'Đơn vị', type: 'text', width: 44 },
    { key: 'tasks', header: 'Nhiệm vụ phải thực hiện (cả kế hoạch)', type: 'integer', width: 14 },
    { key: 'tasksDue', header: 'Nhiệm vụ đã đến hạn', type: 'integer', width: 14 },
    { key: 'tasksDone', header: 'Nhiệm vụ đã hoàn thành', type: 'integer', width: 14 },
    { key: 'tasksOverdue', header: 'Nhiệm vụ quá hạn', type: 'integer', width: 14 },
    { key: 'taskRate', header: 'Tỷ lệ hoàn thành', type: 'percent', width: 12 },
    { key: 'reports', header: 'Báo cáo phải gửi (cả kế hoạch)', type: 'integer', width: 14 },
    { key: 'reportsDue', header: 'Báo cáo đã đến hạn', type: 'integer', width: 14 },
    { key: 'reportsSent', header: 'Báo cáo đã gửi', type: 'integer', width: 14 },
    { key: 'reportsLate', header: 'Báo cáo trễ hạn', type: 'integer', width: 14 },
    { key: 'reportsMissing', header: 'Báo cáo quá hạn chưa gửi', type: 'integer', width: 14 },
    { key: 'reportRate', header: 'Tỷ lệ đã gửi', type: 'percent', width: 12 },
  ];
  const row = (stt: number | null, r: typeof s.unit) => ({
    stt,
    unit: r.name,
    tasks: r.tasks.total,
    tasksDue: r.tasks.dueSoFar,
    tasksDone: r.tasks.done,
    tasksOverdue: r.tasks.overdue,
    taskRate: { part: r.tasks.done, whole: r.tasks.dueSoFar },
    reports: r.reports.expected,
    reportsDue: r.reports.dueSoFar,
    reportsSent: r.reports.submitted,
    reportsLate: r.reports.late,
    reportsMissing: r.reports.missing,
    reportRate: { part: r.reports.submitted, whole: r.reports.dueSoFar },
  });
  const rows = [
    ...s.children.map((c, i) => row(i + 1, c)),
    ...(s.own ? [row(null, { ...s.own, name: `Chính đơn vị (${s.unit.name})` })] : []),
    row(null, { ...s.unit, name: `Tổng cộng (${s.unit.name})` }),
  ];
  const data = await tableToXlsx({ sheetName: 'Tiến độ', title: `Tiến độ thực hiện kế hoạch ngày ${formatViDate(s.asOf)}`, columns, rows });
  return { filename: fileName(`Tiến độ - ${s.unit.name} - ${s.asOf}`, 'xlsx'), data };
}
