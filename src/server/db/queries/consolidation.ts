import { sql } from 'drizzle-orm';
import { DomainError } from '#core/errors.ts';
import type { IsoDate } from '#core/ids.ts';
import type { IssuedNumber } from '#core/documents-out/numbering.ts';
import { seqOfNumber } from '#core/documents-out/issuer.ts';
import type { Db, Tx } from '../client.ts';

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
export async function issuedNumbers(tx: Db | Tx, unitId: string): Promise<IssuedNumber[]> {
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
