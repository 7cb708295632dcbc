import { sql } from 'drizzle-orm';
import type { TreePath } from '../../../core/access/scope.ts';
import { unitIdOfLabel } from '../../../core/access/scope.ts';
import type { OwedReport, SubtreeUnit } from '../../../core/consolidation/consolidate.ts';
import { DomainError } from '../../../core/errors.ts';
import type { IsoDate } from '../../../core/ids.ts';
import type { IssuedNumber } from '../../../core/documents-out/numbering.ts';
import { seqOfNumber } from '../../../core/documents-out/issuer.ts';
import type { Db, Tx } from '../client.ts';

type Conn = Db | Tx;

/** Every unit of the subtree at `root`, each with its parent as its path says (merged units stay under the unit that absorbed them). */
export async function findSubtreeUnits(tx: Conn, root: TreePath): Promise<SubtreeUnit[]> {
  const r = await tx.execute<{ id: string; name: string; path: string }>(sql`
    SELECT id, name, path::text AS path FROM unit WHERE path <@ ${root}::ltree`);
  return r.rows.map((u) => {
    const labels = u.path.split('.');
    return { id: u.id, name: u.name, parentId: labels.length > 1 ? unitIdOfLabel(labels[labels.length - 2]!) : null };
  });
}

/** The reports owed for one obligation and period in the subtree at `root`, each with its accepted version. */
export async function findOwedReports(tx: Conn, obligationId: string, periodKey: string, root: TreePath): Promise<OwedReport[]> {
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

export type PeriodRow = {
  key: string;
  label: string;
  dueDate: IsoDate | null;
};

/** The periods of an obligation, earliest due first. */
export async function findPeriods(tx: Conn, obligationId: string): Promise<PeriodRow[]> {
  const r = await tx.execute<PeriodRow>(sql`
    SELECT period_key AS key, min(period_label) AS label, min(due_date)::text AS "dueDate"
    FROM obligation_instance WHERE obligation_id = ${obligationId} AND status <> 'cancelled'
    GROUP BY period_key ORDER BY min(due_date) NULLS LAST, period_key`);
  return r.rows;
}

export type VersionKind = 'draft' | 'export' | 'submit';

export type VersionRow = {
  version: number;
  kind: VersionKind;
  content: unknown;
  basis: string[];
  docNumber: string | null;
  docSeq: number | null;
  docDate: IsoDate | null;
  submissionId: string | null;
  createdAt: Date | string;
  createdById: string | null;
  createdByName: string | null;
};

/** Every version of a consolidation, newest first. */
export async function findVersions(tx: Conn, key: { obligationId: string; unitId: string; periodKey: string }): Promise<VersionRow[]> {
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

export interface NewVersion {
  obligationId: string;
  unitId: string;
  periodKey: string;
  kind: VersionKind;
  content: unknown;
  figures: unknown;
  basis: readonly string[];
  doc?: { kind: string; number: string; seq: number | null; date: IsoDate } | null;
  submissionId?: string | null;
  createdBy: string;
  at: string;
}

/**
 * Appends the next version of a consolidation and returns its number. A transaction-scoped
 * advisory lock on the consolidation serialises writers, so two saves never take the same number.
 * `expected`, when given, must still be the latest version: otherwise someone saved meanwhile and
 * DomainError CONFLICT is thrown rather than their work being buried.
 */
export async function appendVersion(tx: Tx, v: NewVersion, expected?: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`consolidation:${v.obligationId}:${v.unitId}:${v.periodKey}`}, 0))`);
  const cur = await tx.execute<{ max: number }>(sql`
    SELECT coalesce(max(version), 0)::int AS max FROM consolidation_version
    WHERE obligation_id = ${v.obligationId} AND unit_id = ${v.unitId} AND period_key = ${v.periodKey}`);
  const latest = cur.rows[0]?.max ?? 0;
  if (expected !== undefined && expected !== latest) {
    throw new DomainError('CONFLICT', 'Báo cáo tổng hợp vừa được người khác lưu. Hãy tải lại để xem bản mới nhất rồi sửa tiếp.');
  }
  const version = latest + 1;
  const basis = `{${v.basis.map((b) => `"${b}"`).join(',')}}`;
  await tx.execute(sql`
    INSERT INTO consolidation_version (obligation_id, unit_id, period_key, version, kind, content, figures, basis,
                                       doc_kind, doc_number, doc_seq, doc_date, submission_id, created_by, created_at)
    VALUES (${v.obligationId}, ${v.unitId}, ${v.periodKey}, ${version}, ${v.kind}, ${JSON.stringify(v.content)}::jsonb, ${JSON.stringify(v.figures)}::jsonb,
            ${basis}::text[], ${v.doc?.kind ?? null}, ${v.doc?.number ?? null}, ${v.doc?.seq ?? null}, ${v.doc?.date ?? null},
            ${v.submissionId ?? null}, ${v.createdBy}, ${v.at})`);
  return version;
}

/**
 * The numbers a unit has issued: its documents with a number and a date, and the consolidated
 * reports exported under its name (each export records the number it was given).
 */
export async function issuedNumbers(tx: Conn, unitId: string): Promise<IssuedNumber[]> {
  const r = await tx.execute<{ kind: string; number: string | null; seq: number | null; date: IsoDate }>(sql`
    SELECT kind, number, NULL::int AS seq, issued_on::text AS date FROM document
    WHERE owner_unit_id = ${unitId} AND number IS NOT NULL AND issued_on IS NOT NULL AND deleted_at IS NULL AND status <> 'stub'
    UNION ALL
    SELECT doc_kind, doc_number, doc_seq, doc_date::text FROM consolidation_version
    WHERE unit_id = ${unitId} AND doc_seq IS NOT NULL AND doc_date IS NOT NULL`);
  return r.rows.flatMap((x) => {
    const seq = x.seq ?? (x.number ? seqOfNumber(x.number) : null);
    return seq === null ? [] : [{ kind: x.kind, seq, date: x.date }];
  });
}

export type ChainUnit = {
  id: string;
  kind: string;
  name: string;
  shortName: string | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
};

/** The unit's ancestors from the root down, the unit itself last. */
export async function unitChain(tx: Conn, path: TreePath): Promise<ChainUnit[]> {
  const r = await tx.execute<ChainUnit>(sql`
    SELECT id, kind, name, short_name AS "shortName", term_start::text AS "termStart", term_end::text AS "termEnd"
    FROM unit WHERE path @> ${path}::ltree ORDER BY depth`);
  return r.rows;
}

/** The current leaders of a unit (secretary, deputies, head), secretary first. */
export async function unitLeaders(tx: Conn, unitId: string): Promise<{ fullName: string; positions: string[] }[]> {
  const r = await tx.execute<{ fullName: string; positions: string[] }>(sql`
    SELECT p.full_name AS "fullName", m.positions
    FROM membership m JOIN person p ON p.id = m.person_id
    WHERE m.unit_id = ${unitId} AND m.valid_to IS NULL AND p.deleted_at IS NULL
      AND m.positions && ARRAY['secretary','deputy_secretary','head']
    ORDER BY array_position(ARRAY['secretary','deputy_secretary','head'], m.positions[1]) NULLS LAST, p.sort_key`);
  return r.rows;
}
