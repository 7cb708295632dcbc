import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import { vietnamDate } from '#core/ids.ts';
import type { ExistingUnit, TreeSheet } from '#core/org-tree/tree-import-rows.ts';
import { codeKey, unitKey } from '#core/org-tree/tree-import-rows.ts';
import type { TreeChange } from '#core/org-tree/tree-import.ts';
import { planTreeImport } from '#core/org-tree/tree-import.ts';
import type { WorkProgress } from '#shared/common.ts';
import { LIMITS } from '#shared/common.ts';
import type { TreeChangeCounts, TreeImportMode, TreeImportReport } from '#shared/tree-import.ts';
import type { Tx } from '../../db/client.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { NewUnitRow, UnitRow } from '../../db/queries/units.ts';
import { getUnitRow, insertUnits, placeOfNewUnit, recordEvents, reviseUnits, UNIT_COLUMNS } from '../../db/queries/units.ts';
import type { FileReaders } from '../../readers/file-readers.ts';
import type { UploadedFile } from '../../readers/member-file.ts';
import type { ServiceContext } from '../context.ts';
import { relocateUnit, renameUnits } from './restructure-units.ts';

export interface TreeImportOutcome {
  /** `checked`: nothing written (mode check); `imported`: the good rows are stored; `refused`: mode all met a bad row, nothing stored. */
  outcome: 'checked' | 'imported' | 'refused';
  report: TreeImportReport;
}

/** Units created per statement: a province's 10,000 units go in ten. */
const CHUNK = 1_000;

/**
 * The unit an import works under, which the actor must manage (404 when out of sight, 403 when only
 * visible), or null for the whole installation (a system administrator's only).
 */
async function scopeUnit(tx: Tx, ctx: ServiceContext, unitId: string | null, forUpdate = false): Promise<UnitRow | null> {
  if (unitId === null) {
    if (!ctx.actor.superuser) throw new DomainError('FORBIDDEN', 'Chỉ quản trị hệ thống được nhập cây tổ chức của cả hệ thống.');
    return null;
  }
  const unit = await getUnitRow(tx, unitId, forUpdate);
  if (!can(ctx.actor, 'manage_units', unit.path)) {
    throw new DomainError(can(ctx.actor, 'read', unit.path) ? 'FORBIDDEN' : 'UNIT_NOT_FOUND', 'Bạn không có quyền nhập cây tổ chức vào đơn vị này.');
  }
  if (unit.validTo !== null) throw new DomainError('UNIT_NOT_ACTIVE', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
  return unit;
}

type LoadedUnit = ExistingUnit & { path: TreePath; provinceId: string | null };

/** The units of the scope (ended ones included: their codes are taken), each with the day of its last dated change. */
async function loadTree(tx: Tx, scope: UnitRow | null): Promise<LoadedUnit[]> {
  const where = scope === null ? sql`` : sql`WHERE u.path <@ ${scope.path}::ltree`;
  const r = await tx.execute<UnitRow & { lastChange: IsoDate | null }>(sql`
    SELECT ${UNIT_COLUMNS}, rv.valid_from::text AS "lastChange"
    FROM unit u LEFT JOIN unit_revision rv ON rv.unit_id = u.id AND rv.valid_to IS NULL
    ${where}`);
  return r.rows.map((u) => ({
    id: u.id, code: u.code, name: u.name, shortName: u.shortName, kind: u.kind, parentId: u.parentId, validFrom: u.validFrom, validTo: u.validTo,
    termLabel: u.termLabel, termStart: u.termStart, termEnd: u.termEnd, path: u.path, provinceId: u.provinceId,
    ...(u.lastChange !== null && u.lastChange > u.validFrom ? { lastChange: u.lastChange } : {}),
  }));
}

/** The keys (codeKey) among `keys` of codes held by units outside the scope. */
async function codesTakenOutside(tx: Tx, scope: UnitRow | null, keys: readonly string[]): Promise<Set<string>> {
  if (scope === null || keys.length === 0) return new Set();
  const r = await tx.execute<{ key: string }>(sql`
    SELECT DISTINCT upper(regexp_replace(btrim(code), '\\s+', ' ', 'g')) AS key FROM unit
    WHERE code IS NOT NULL AND NOT (path <@ ${scope.path}::ltree)
      AND upper(regexp_replace(btrim(code), '\\s+', ' ', 'g')) = ANY(${`{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`);
  return new Set(r.rows.map((x) => x.key));
}

const countChanges = (changes: readonly TreeChange[]): TreeChangeCounts => {
  const counts: TreeChangeCounts = { create: 0, rename: 0, move: 0, update: 0, unchanged: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
};

/**
 * Imports an organisation tree (.xlsx or .csv) under a unit the actor manages (or, for a system
 * administrator, `unitId` null: the whole installation). The file is read in a reader's thread
 * before the transaction opens; its rows are checked against the units of the scope
 * (core/org-tree/tree-import-rows.ts), and the good rows are carried out in one transaction:
 * new units in bulk (each with its first revision and a 'create' event), renames and moves dated
 * `on` exactly as the unit page makes them (renameUnits, relocateUnit), kinds and terms set; one
 * audit entry for the file. A row's parent must be in the file or in the scope; a unit without
 * parent only a system administrator may create. Modes as for a member list. Throws
 * UNIT_NOT_FOUND, FORBIDDEN, UNIT_NOT_ACTIVE and the file errors of readTreeList.
 */
export async function importTree(
  input: { unitId: string | null; mode: TreeImportMode; on?: IsoDate | undefined; file: UploadedFile },
  ctx: ServiceContext,
  readers: FileReaders,
  onProgress: (p: WorkProgress) => void,
): Promise<TreeImportOutcome> {
  const { actor, tx: db, now } = ctx;
  // Refused before the file is read; checked again, with the unit locked, before anything is written.
  await scopeUnit(db, ctx, input.unitId);
  const on = input.on ?? vietnamDate(now);
  const sheet: TreeSheet = await readers.readTreeList(input.file, { maxRows: LIMITS.importRows });
  return db.transaction(async (tx) => {
    const scope = await scopeUnit(tx, { ...ctx, tx }, input.unitId, true);
    const tree = await loadTree(tx, scope);
    const known = new Set(tree.map(unitKey));
    const newKeys = [...new Set(sheet.rows.flatMap((r) => (r.code === null ? [] : [codeKey(r.code)])).filter((k) => !known.has(k)))];
    const plan = planTreeImport(sheet.rows, {
      existing: tree, effectiveDate: on, mayCreateTop: actor.superuser, mayMoveToTop: false, takenCodes: await codesTakenOutside(tx, scope, newKeys),
    });
    const badRows = new Set(plan.errors.map((e) => e.row)).size;
    const report: TreeImportReport = {
      totalRows: sheet.rows.length,
      goodRows: sheet.rows.length - badRows,
      badRows,
      on,
      imported: false,
      counts: countChanges(plan.changes),
      errors: [...plan.errors].sort((a, b) => a.row - b.row),
      missing: plan.missing.map((m) => ({ id: m.unitId, code: m.code, name: m.name })),
      ignoredColumns: sheet.ignoredColumns,
    };
    if (input.mode === 'check') return { outcome: 'checked', report };
    if (input.mode === 'all' && badRows > 0) return { outcome: 'refused', report };

    const work = plan.changes.filter((c) => c.kind !== 'unchanged');
    let done = 0;
    const progress = (n: number) => {
      if (n > 0) onProgress({ step: 'units', done: (done += n), total: work.length });
    };
    onProgress({ step: 'units', done: 0, total: work.length });
    const placeOf = await createUnits(tx, tree, plan.changes, actor.userId, progress);
    for (const c of plan.changes) {
      if (c.kind !== 'move') continue;
      const parentId = c.toParentId ?? placeOf.get(codeKey(c.toParentCode!))!.id;
      await relocateUnit(tx, await getUnitRow(tx, c.unitId, true), await getUnitRow(tx, parentId, true), c.on, null, actor.userId);
      progress(1);
    }
    const renames = plan.changes.flatMap((c) => (c.kind === 'rename' ? [c] : []));
    await renameUnits(tx, renames.map((c) => ({ id: c.unitId, oldName: c.from.name, name: c.to.name, shortName: c.to.shortName })), on, actor.userId);
    progress(renames.length);
    const updates = plan.changes.flatMap((c) => (c.kind === 'update' ? [c] : []));
    await updateUnits(tx, updates, on);
    progress(updates.length);
    if (work.length > 0) {
      await writeAudit(tx, actor, {
        action: 'unit.import', entity: 'unit', entityId: scope?.id ?? null, unitPath: scope?.path ?? null,
        after: { file: input.file.filename, mode: input.mode, on, counts: report.counts, badRows, totalRows: report.totalRows },
      }, now);
    }
    report.imported = true;
    return { outcome: 'imported', report };
  });
}

type Place = { id: string; path: TreePath; provinceId: string | null };

/**
 * The units of the plan's creates, parents first, a thousand per statement, each with its first
 * revision and a 'create' event. Returns where every active unit of the scope now is, by key.
 */
async function createUnits(tx: Tx, tree: readonly LoadedUnit[], changes: readonly TreeChange[], actorId: string, progress: (n: number) => void): Promise<Map<string, Place>> {
  const placeOf = new Map<string, Place>(tree.filter((u) => u.validTo === null).map((u) => [unitKey(u), { id: u.id, path: u.path, provinceId: u.provinceId }]));
  const creates = changes.flatMap((c) => (c.kind === 'create' ? [c] : []));
  for (let i = 0; i < creates.length; i += CHUNK) {
    const rows: NewUnitRow[] = creates.slice(i, i + CHUNK).map(({ code, unit: u }) => {
      const parent = u.parentCode === null ? null : placeOf.get(codeKey(u.parentCode))!;
      const id = randomUUID();
      placeOf.set(codeKey(code), { id, ...placeOfNewUnit(id, u.kind, parent?.path ?? null, parent?.provinceId ?? null) });
      return {
        id, parentId: parent?.id ?? null, parentPath: parent?.path ?? null, parentProvinceId: parent?.provinceId ?? null, kind: u.kind, name: u.name,
        shortName: u.shortName, code: u.code, validFrom: u.validFrom, term: { label: u.termLabel, start: u.termStart, end: u.termEnd },
      };
    });
    await insertUnits(tx, rows);
    await recordEvents(tx, rows.map((r) => ({ kind: 'create', on: r.validFrom, before: [], after: [r.id!], actorId })));
    progress(rows.length);
  }
  return placeOf;
}

/** Sets the kinds and terms of the plan's updates; a unit whose kind changes gets a new revision from `on`. */
async function updateUnits(tx: Tx, updates: readonly Extract<TreeChange, { kind: 'update' }>[], on: IsoDate): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map(({ unitId, set }) => ({
    id: unitId, set_kind: 'kind' in set, kind: set.kind ?? null, set_label: 'termLabel' in set, label: set.termLabel ?? null,
    set_start: 'termStart' in set, start: set.termStart ?? null, set_end: 'termEnd' in set, end: set.termEnd ?? null,
  }));
  await tx.execute(sql`
    UPDATE unit u SET
      kind = CASE WHEN r.set_kind THEN r.kind ELSE u.kind END,
      term_label = CASE WHEN r.set_label THEN r.label ELSE u.term_label END,
      term_start = CASE WHEN r.set_start THEN r.start ELSE u.term_start END,
      term_end = CASE WHEN r.set_end THEN r."end" ELSE u.term_end END,
      updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id uuid, set_kind boolean, kind text, set_label boolean, label text, set_start boolean, start date, set_end boolean, "end" date)
    WHERE u.id = r.id`);
  await reviseUnits(tx, updates.filter((u) => u.set.kind !== undefined).map((u) => u.unitId), on);
}
