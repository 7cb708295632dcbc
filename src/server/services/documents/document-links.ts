import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import { DOCUMENT_KIND_LABELS } from '#shared/documents.ts';
import type { Tx } from '../../db/client.ts';
import { documentNumberKey, documentSearchText } from '../../db/queries/documents.ts';

/** A document as a citation names it: "Kết luận số 21-KL/TW ngày 25/10/2021". */
export interface Citation {
  kind: string;
  number: string;
  date: string | null;
}

/**
 * The record a citation stands for, seen from a document held at `ownerPath`: a confirmed
 * document of the same number (dates agreeing where both are known) held by that unit, a unit
 * above it or a unit below it — the nearest first — else the stub of that number, created when
 * there is none yet. Stubs are shared by every document that cites them.
 */
export async function documentForCitation(tx: Tx, c: Citation, from: { id: string; ownerPath: TreePath | null }, at: string): Promise<string | null> {
  const key = documentNumberKey(c.number);
  if (!key) return null;
  const date = c.date;
  const near = from.ownerPath
    ? sql`(d.owner_path @> ${from.ownerPath}::ltree OR d.owner_path <@ ${from.ownerPath}::ltree)`
    : sql`FALSE`;
  const find = () =>
    tx.execute<{ id: string }>(sql`
      SELECT d.id FROM document d
      WHERE d.number_key = ${key} AND d.deleted_at IS NULL AND d.id <> ${from.id}
        AND (d.issued_on IS NULL OR ${date}::date IS NULL OR d.issued_on = ${date}::date)
        AND ((d.status = 'confirmed' AND ${near}) OR d.status = 'stub')
      ORDER BY d.status = 'stub', nlevel(d.owner_path) DESC NULLS LAST, d.created_at, d.id
      LIMIT 1`);
  const found = (await find()).rows[0];
  if (found) return found.id;
  // Two imports citing the same new document at once must not make two stubs of it.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`document-stub:${key}`}))`);
  const again = (await find()).rows[0];
  if (again) return again.id;
  const id = randomUUID();
  const search = documentSearchText({ number: c.number, kindLabel: DOCUMENT_KIND_LABELS[c.kind]?.vi ?? null, title: null, issuer: null });
  await tx.execute(sql`
    INSERT INTO document (id, kind, number, number_key, issued_on, status, owner_unit_id, owner_path, created_at, updated_at, search_folded)
    VALUES (${id}, ${c.kind}, ${c.number}, ${key}, ${date}, 'stub', NULL, NULL, ${at}, ${at}, ${search})`);
  return id;
}

/**
 * Replaces the links of a document: "implements" to each document it carries out, "references"
 * to each one it cites (the implemented ones included), each found or stubbed by its number.
 */
export async function rebuildLinks(
  tx: Tx,
  doc: { id: string; ownerPath: TreePath | null },
  structure: { implements: Citation[]; references: Citation[] },
  at: string,
): Promise<void> {
  await tx.execute(sql`DELETE FROM document_link WHERE from_id = ${doc.id}`);
  const rows: { to: string; relation: 'implements' | 'references' }[] = [];
  for (const relation of ['implements', 'references'] as const) {
    for (const c of structure[relation]) {
      const to = await documentForCitation(tx, c, doc, at);
      if (to && !rows.some((r) => r.to === to && r.relation === relation)) rows.push({ to, relation });
    }
  }
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO document_link (from_id, to_id, relation)
    SELECT ${doc.id}, x.to_id, x.relation FROM json_to_recordset(${JSON.stringify(rows.map((r) => ({ to_id: r.to, relation: r.relation })))}::json)
      AS x(to_id uuid, relation text)
    ON CONFLICT DO NOTHING`);
}

/**
 * When a document is confirmed with a number that stubs stand for, the documents of its subtree
 * (and of the units above it) that cite the stub now point at the document itself, so their
 * chain shows what it says. Other units' links stay on the stub.
 */
export async function adoptStubLinks(tx: Tx, doc: { id: string; ownerPath: TreePath; numberKey: string | null; issuedOn: string | null }): Promise<void> {
  if (!doc.numberKey) return;
  const stubs = sql`(SELECT s.id FROM document s WHERE s.status = 'stub' AND s.deleted_at IS NULL AND s.number_key = ${doc.numberKey}
    AND (s.issued_on IS NULL OR ${doc.issuedOn}::date IS NULL OR s.issued_on = ${doc.issuedOn}::date))`;
  const near = sql`(SELECT f.id FROM document f WHERE f.owner_path <@ ${doc.ownerPath}::ltree OR f.owner_path @> ${doc.ownerPath}::ltree)`;
  await tx.execute(sql`
    INSERT INTO document_link (from_id, to_id, relation)
    SELECT l.from_id, ${doc.id}, l.relation FROM document_link l
    WHERE l.to_id IN ${stubs} AND l.from_id IN ${near} AND l.from_id <> ${doc.id}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`DELETE FROM document_link l WHERE l.to_id IN ${stubs} AND l.from_id IN ${near} AND l.from_id <> ${doc.id}`);
}
