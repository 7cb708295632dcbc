import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import { alignSpans } from '#core/extract/align-spans.ts';
import type { Extraction } from '#core/extract/types.ts';
import type { ChainItem, DocumentDetail, DocumentLink, DocumentPlan, StructureSpans } from '#shared/documents.ts';
import type { Tx } from '../../db/client.ts';
import { documentReadableSql, lookupDocument } from '../../db/queries/documents.ts';
import type { ServiceContext } from '../context.ts';
import { readTogether } from '../../db/read-together.ts';
import { isSecretHidden, lookupPlanStatus, secretHiddenSql } from '../../db/queries/plans.ts';
import { maskSecret } from '#core/plans/secrecy.ts';
import { DOCUMENT_LIMITS } from '../../readers/document-limits.ts';
import type { Proposed } from './proposed-spans.ts';
import { proposedOf } from './proposed-spans.ts';

const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem.');

/** The deepest chain shown: a plan of a cell rarely stands more than six levels below the Central Committee. */
const MAX_CHAIN_DEPTH = 12;
const MAX_IMPLEMENTED_BY = 200;

type LinkRow = {
  id: string;
  kind: string;
  number: string | null;
  date: string | null;
  title: string | null;
  status: DocumentLink['status'];
  ownerPath: string | null;
  /** Secret, and the actor may not read it. */
  hidden: boolean;
};

const linkColumns = (actor: Actor) =>
  sql`d.id, d.kind, d.number, d.issued_on::text AS date, d.title, d.status, d.owner_path::text AS "ownerPath", ${secretHiddenSql(actor, sql`d.id`)} AS hidden`;

/**
 * A linked document as the actor may see it: what citations say, and its title only when the actor
 * may open it; of a secret one the actor may not read, not even its number.
 */
function present(actor: Actor, r: LinkRow): DocumentLink {
  const readable = !r.hidden && (r.ownerPath === null || can(actor, 'read', r.ownerPath as TreePath));
  const shown = maskSecret({ number: r.number, title: readable ? r.title : null }, r.hidden, { number: 'number', title: 'document' });
  return { id: r.id, kind: r.kind, number: shown.number, date: r.date, title: shown.title, status: r.status, readable };
}

async function linksFrom(tx: Tx, actor: Actor, id: string, relation: 'implements' | 'references'): Promise<LinkRow[]> {
  const r = await tx.execute<LinkRow>(sql`
    SELECT ${linkColumns(actor)} FROM document_link l JOIN document d ON d.id = l.to_id
    WHERE l.from_id = ${id} AND l.relation = ${relation} AND d.deleted_at IS NULL
    ORDER BY d.issued_on NULLS LAST, d.number`);
  return r.rows;
}

/**
 * The documents above this one by "implements", level by level up to the top (KH 48-KH/ĐUK →
 * KH 161-KH/TU → KL 21-KL/TW). A document reached twice is shown once, at its first level.
 */
async function chainUp(tx: Tx, actor: Actor, id: string): Promise<ChainItem[]> {
  const out: ChainItem[] = [];
  const seen = new Set([id]);
  let level = [id];
  for (let depth = 1; depth <= MAX_CHAIN_DEPTH && level.length > 0; depth++) {
    const r = await tx.execute<LinkRow & { childId: string }>(sql`
      SELECT ${linkColumns(actor)}, l.from_id AS "childId" FROM document_link l JOIN document d ON d.id = l.to_id
      WHERE l.from_id = ANY(${`{${level.join(',')}}`}::uuid[]) AND l.relation = 'implements' AND d.deleted_at IS NULL
      ORDER BY d.issued_on NULLS LAST, d.number`);
    const next: string[] = [];
    for (const row of r.rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      next.push(row.id);
      out.push({ ...present(actor, row), depth, childId: row.childId });
    }
    level = next;
  }
  return out;
}

async function planOf(tx: Tx, id: string): Promise<DocumentPlan | null> {
  const status = await lookupPlanStatus(tx, id);
  if (!status) return null;
  const [tasks, obligations] = await readTogether(tx, [
    () => tx.execute<DocumentPlan['tasks'][number]>(sql`
      SELECT id, ord, kind, text, due, due_text AS "dueText", lead_text AS "leadText", support_text AS "supportText"
      FROM task WHERE plan_id = ${id} ORDER BY ord`),
    () => tx.execute<DocumentPlan['obligations'][number]>(sql`
      SELECT id, ord, title, from_text AS "fromText", to_text AS "toText", via_text AS "viaText", due
      FROM report_obligation WHERE plan_id = ${id} ORDER BY ord`),
  ]);
  return { id, status, tasks: tasks.rows, obligations: obligations.rows };
}

/** Where the items of the shown structure stand in the text, from the places of the proposed items. */
function spansOf(text: string | null, shown: Extraction | null, proposed: Proposed | null): StructureSpans | null {
  if (text === null || shown === null || proposed === null) return null;
  return alignSpans(text, shown, proposed);
}

/**
 * One document as the actor may read it: its fields, text and structure, the documents it carries
 * out and cites, those that carry it out (that the actor may read), the chain of documents above
 * it, and its plan. Throws NOT_FOUND for a document out of the actor's sight.
 */
export async function getDocument(id: string, { actor, tx }: ServiceContext): Promise<DocumentDetail> {
  const doc = await lookupDocument(tx, id);
  if (!doc) throw notFound();
  if (doc.ownerPath !== null && !can(actor, 'read', doc.ownerPath)) throw notFound();
  if (await isSecretHidden(tx, actor, id)) throw notFound();
  const [impl, refs, below, chain, plan] = await readTogether(tx, [
    () => linksFrom(tx, actor, id, 'implements'),
    () => linksFrom(tx, actor, id, 'references'),
    () => tx.execute<LinkRow>(sql`
      SELECT ${linkColumns(actor)} FROM document_link l JOIN document d ON d.id = l.from_id
      WHERE l.to_id = ${id} AND l.relation = 'implements' AND d.deleted_at IS NULL AND ${documentReadableSql(actor)}
      ORDER BY d.issued_on NULLS LAST, d.created_at LIMIT ${MAX_IMPLEMENTED_BY}`),
    () => chainUp(tx, actor, id),
    () => planOf(tx, id),
  ]);
  const structure = (doc.structure as Extraction | null) ?? null;
  const proposed = (doc.proposed as Extraction | null) ?? null;
  return {
    id: doc.id,
    kind: doc.kind,
    number: doc.number,
    date: doc.issuedOn,
    title: doc.title,
    issuer: doc.issuerName,
    place: doc.place,
    signer: doc.signer,
    recipients: doc.recipients,
    status: doc.status,
    ownerUnit: doc.ownerUnitId ? { id: doc.ownerUnitId, name: doc.ownerName ?? '' } : null,
    source: doc.sourceFileName ? { fileName: doc.sourceFileName, format: doc.sourceFormat, size: doc.sourceSize, sha256: doc.sourceSha256 } : null,
    // Only a document imported before imports were bounded can be longer than the limit: its answer is bounded too.
    text: doc.bodyText !== null && doc.bodyText.length > DOCUMENT_LIMITS.maxTextChars ? doc.bodyText.slice(0, DOCUMENT_LIMITS.maxTextChars) : doc.bodyText,
    structure: doc.status === 'draft' ? null : structure,
    proposed,
    spans: spansOf(doc.bodyText, structure ?? proposed, proposedOf(doc, doc.sourceFileName ?? '', DOCUMENT_LIMITS.maxTextChars)),
    implements: impl.map((r) => present(actor, r)),
    references: refs.map((r) => present(actor, r)),
    implementedBy: below.rows.map((r) => present(actor, r)),
    chain,
    planId: plan?.id ?? null,
    plan,
    permissions: { write: doc.ownerPath === null ? actor.superuser : can(actor, 'write', doc.ownerPath) },
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
