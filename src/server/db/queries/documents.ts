import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { scopeRoots } from '#core/access/scope.ts';
import { compactNumber } from '#core/docref/number.ts';
import { foldForSearch } from '#core/text/fold.ts';
import type { Tx } from '../client.ts';
import { secretHiddenSql } from './plans.ts';

/** A document row as the documents services read it. */
export type DocumentRow = {
  id: string;
  kind: string;
  number: string | null;
  numberKey: string | null;
  issuedOn: string | null;
  issuerName: string | null;
  place: string | null;
  title: string | null;
  bodyText: string | null;
  signer: { capacity: string | null; title: string | null; name: string | null } | null;
  recipients: string[];
  structure: unknown;
  proposed: unknown;
  /** Where the proposed items stand in the text, stored at import (null for documents imported before it was). */
  proposedSpans: unknown;
  status: 'stub' | 'draft' | 'confirmed';
  ownerUnitId: string | null;
  ownerPath: TreePath | null;
  ownerName: string | null;
  sourceFileName: string | null;
  sourceFormat: string | null;
  sourceSha256: string | null;
  sourceSize: number | null;
  createdAt: string;
  updatedAt: string;
};

const COLUMNS = sql.raw(`d.id, d.kind, d.number, d.number_key AS "numberKey", d.issued_on::text AS "issuedOn",
  d.issuer_name AS "issuerName", d.place, d.title, d.body_text AS "bodyText", d.signer, d.recipients, d.structure, d.proposed,
  d.proposed_spans AS "proposedSpans", d.status, d.owner_unit_id AS "ownerUnitId", d.owner_path::text AS "ownerPath", u.name AS "ownerName",
  d.source_file_name AS "sourceFileName", d.source_format AS "sourceFormat", d.source_sha256 AS "sourceSha256",
  d.source_size AS "sourceSize", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`);

/** One document that is not deleted, or null; `forUpdate` locks the row for the transaction. */
export async function lookupDocument(tx: Tx, id: string, forUpdate = false): Promise<DocumentRow | null> {
  const lock = forUpdate ? sql.raw('FOR UPDATE OF d') : sql.raw('');
  const r = await tx.execute<DocumentRow & { createdAt: Date | string; updatedAt: Date | string }>(sql`
    SELECT ${COLUMNS} FROM document d LEFT JOIN unit u ON u.id = d.owner_unit_id
    WHERE d.id = ${id} AND d.deleted_at IS NULL ${lock}`);
  const row = r.rows[0];
  if (!row) return null;
  return { ...row, createdAt: new Date(row.createdAt).toISOString(), updatedAt: new Date(row.updatedAt).toISOString() };
}

/** "48 - KH/ĐUK" as citations are matched: no spaces, NFC, upper case. */
export function documentNumberKey(n: string | null | undefined): string | null {
  const k = n ? compactNumber(n).toUpperCase() : '';
  return k ? k : null;
}

/** The folded text a document is searched by: number, kind word, title and issuer without diacritics. */
export function documentSearchText(d: { number: string | null; kindLabel: string | null; title: string | null; issuer: string | null }): string {
  return foldForSearch([d.number, d.kindLabel, d.title, d.issuer].filter(Boolean).join(' '));
}

/**
 * A condition true for documents the actor may read, the document as `d`: those held by a unit
 * within the actor's read scope, and stubs (public documents known from citations); a secret one
 * only when the actor may read it as a plan (db/queries/plans.ts).
 */
export function documentReadableSql(actor: Actor) {
  if (actor.superuser) return sql`TRUE`;
  const roots = scopeRoots(actor, 'read');
  if (roots.length === 0) return sql`d.owner_path IS NULL`;
  return sql`((d.owner_path IS NULL OR d.owner_path <@ ${`{${roots.join(',')}}`}::ltree[])
    AND (d.confidentiality <> 'secret' OR NOT ${secretHiddenSql(actor, sql`d.id`)}))`;
}
