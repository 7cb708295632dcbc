import { sql } from 'drizzle-orm';
import { foldForSearch } from '#core/text/fold.ts';
import type { DocumentList, DocumentListItem, DocumentListQuery } from '#shared/documents.ts';
import { documentReadableSql } from '../../db/queries/documents.ts';
import type { ServiceContext } from '../context.ts';
import { readTogether } from '../../db/read-together.ts';

const likeWord = (w: string) => `%${w.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * Documents the actor may read — those held by units within their reach, and stubs (public
 * documents known from citations, after the others) — newest first. `q` searches number, title and issuer without
 * diacritics ("ke hoach 48" finds "Kế hoạch 48-KH/ĐUK"); every word must occur.
 */
export async function findDocuments(q: DocumentListQuery, { actor, tx }: ServiceContext): Promise<DocumentList> {
  const words = foldForSearch(q.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  const conds = [sql`d.deleted_at IS NULL`, documentReadableSql(actor)];
  for (const w of words) conds.push(sql`${DOCUMENT_SEARCH_SQL} LIKE ${likeWord(w)}`);
  if (q.kind) conds.push(sql`d.kind = ${q.kind}`);
  const where = sql.join(conds, sql` AND `);
  const [rows, count] = await readTogether(tx, [
    () => tx.execute<Omit<DocumentListItem, 'ownerUnit' | 'createdAt'> & { ownerId: string | null; ownerName: string | null; createdAt: Date | string }>(sql`
      SELECT d.id, d.kind, d.number, d.issued_on::text AS date, d.title, d.status, d.owner_unit_id AS "ownerId", u.name AS "ownerName",
             p.id AS "planId", p.status AS "planStatus", d.created_at AS "createdAt"
      FROM document d LEFT JOIN unit u ON u.id = d.owner_unit_id LEFT JOIN plan p ON p.id = d.id
      WHERE ${where}
      ORDER BY d.owner_unit_id IS NULL, d.created_at DESC, d.id
      LIMIT ${q.limit} OFFSET ${q.offset}`),
    () => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM document d WHERE ${where}`),
  ]);
  return {
    items: rows.rows.map(({ ownerId, ownerName, createdAt, ...r }) => ({
      ...r,
      ownerUnit: ownerId ? { id: ownerId, name: ownerName ?? '' } : null,
      createdAt: new Date(createdAt).toISOString(),
    })),
    total: count.rows[0]?.n ?? 0,
  };
}

// Vietnamese letters with their marks (NFC, both cases) and the plain letters they fold to; the
// text is folded before lower() so that it does not depend on the database's locale.
const VI_MARKED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ';
const VI_PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/**
 * The folded text a document is searched by, in SQL (document as `d`): the stored column, or for
 * a document another module wrote without it (a plan drafted by hand), its number and title
 * folded the same way (lower case, Vietnamese letters without their marks).
 */
const DOCUMENT_SEARCH_SQL = sql.raw(
  `coalesce(nullif(d.search_folded, ''), lower(translate(coalesce(d.number, '') || ' ' || coalesce(d.title, ''), '${VI_MARKED}', '${VI_PLAIN}')))`,
);
