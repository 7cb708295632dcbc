import { sql } from 'drizzle-orm';
import type { Actor, TreePath } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { Extraction } from '#core/extract/types.ts';
import { foldWhitespace } from '#core/text/fold.ts';
import { DOCUMENT_KIND_LABELS, UNKNOWN_KIND } from '#shared/documents.ts';
import type { DocumentStructure, SaveStructureResult } from '#shared/documents.ts';
import type { Tx } from '../../db/client.ts';
import type { DocumentRow } from '../../db/queries/documents.ts';
import { documentNumberKey, documentSearchText, lookupDocument } from '../../db/queries/documents.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';
import { adoptStubLinks, rebuildLinks } from './document-links.ts';
import { writePlanDraft } from './write-plan-draft.ts';
import { lookupPlanStatus } from '../../db/queries/plans.ts';

const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy văn bản hoặc bạn không có quyền xem.');

/**
 * A document the actor may change: `write` on the unit that holds it; a stub (held by nobody,
 * public) only by a superuser. Throws NOT_FOUND, FORBIDDEN.
 */
export async function documentToChange(tx: Tx, actor: Actor, id: string): Promise<DocumentRow> {
  const doc = await lookupDocument(tx, id, true);
  if (!doc) throw notFound();
  if (doc.ownerPath === null) {
    if (!actor.superuser) throw new DomainError('FORBIDDEN', 'Văn bản này chỉ được biết qua trích dẫn; chỉ quản trị hệ thống sửa được.');
    return doc;
  }
  if (!can(actor, 'write', doc.ownerPath)) {
    if (!can(actor, 'read', doc.ownerPath)) throw notFound();
    throw new DomainError('FORBIDDEN', 'Bạn không có quyền sửa văn bản này.');
  }
  return doc;
}

/** A document held by a unit (not a stub). Throws DOCUMENT_IS_STUB. */
export function heldDocument(doc: DocumentRow): DocumentRow & { ownerUnitId: string; ownerPath: TreePath } {
  if (doc.ownerUnitId === null || doc.ownerPath === null) {
    throw new DomainError('DOCUMENT_IS_STUB', 'Văn bản này chỉ được biết qua trích dẫn, chưa có nội dung: hãy nhập tệp văn bản.');
  }
  return doc as DocumentRow & { ownerUnitId: string; ownerPath: TreePath };
}

const trimOrNull = (s: string | null) => (s === null ? null : foldWhitespace(s) || null);

/** The structure as stored: strings trimmed, empty values null, empty list items left out. */
function tidy(s: DocumentStructure): Extraction {
  return {
    ...s,
    kind: trimOrNull(s.kind),
    number: s.number?.normalize('NFC').replace(/\s+/g, '') || null,
    issuer: trimOrNull(s.issuer),
    place: trimOrNull(s.place),
    title: trimOrNull(s.title),
    implements: s.implements.map((r) => ({ ...r, number: r.number.replace(/\s+/g, '') })),
    references: s.references.map((r) => ({ ...r, number: r.number.replace(/\s+/g, '') })),
    deadlines: s.deadlines as Extraction['deadlines'],
    assignments: s.assignments
      .map((a) => ({ lead: a.lead.map(foldWhitespace).filter(Boolean), support: a.support.map(foldWhitespace).filter(Boolean) }))
      .filter((a) => a.lead.length > 0 || a.support.length > 0),
    reports: s.reports.map((r) => ({ from: trimOrNull(r.from), to: foldWhitespace(r.to), via: trimOrNull(r.via), due: r.due as Extraction['reports'][number]['due'] })),
    recipients: s.recipients.map(foldWhitespace).filter(Boolean),
    signer: s.signer && (s.signer.capacity || s.signer.title || s.signer.name) ? { capacity: trimOrNull(s.signer.capacity), title: trimOrNull(s.signer.title), name: trimOrNull(s.signer.name) } : null,
  };
}

/**
 * Confirms the structure of a document the caller has loaded and may change: its columns,
 * its links (each citation found by number or stubbed), and for a plan (kind KH, or a document
 * that already has a plan) the plan draft. A stub stays a stub (a superuser describing a public
 * document). Throws PLAN_NOT_DRAFT when its plan is published.
 */
export async function confirmStructure(
  tx: Tx,
  doc: DocumentRow,
  input: DocumentStructure,
  actor: Actor,
  now: Date,
): Promise<SaveStructureResult> {
  const s = tidy(input);
  const planStatus = await lookupPlanStatus(tx, doc.id);
  if (planStatus && planStatus !== 'draft') throw new DomainError('PLAN_NOT_DRAFT', 'Kế hoạch của văn bản này đã ban hành: không sửa cấu trúc văn bản được nữa.');
  const kind = s.kind ?? UNKNOWN_KIND;
  const at = now.toISOString();
  const key = documentNumberKey(s.number);
  await tx.execute(sql`
    UPDATE document SET kind = ${kind}, number = ${s.number}, number_key = ${key}, issued_on = ${s.date}, issuer_name = ${s.issuer},
      place = ${s.place}, title = ${s.title}, signer = ${JSON.stringify(s.signer)}::jsonb,
      recipients = ARRAY(SELECT json_array_elements_text(${JSON.stringify(s.recipients)}::json)),
      structure = ${JSON.stringify(s)}::jsonb, status = ${doc.status === 'stub' ? 'stub' : 'confirmed'}, updated_at = ${at},
      search_folded = ${documentSearchText({ number: s.number, kindLabel: DOCUMENT_KIND_LABELS[kind]?.vi ?? null, title: s.title, issuer: s.issuer })}
    WHERE id = ${doc.id}`);
  await rebuildLinks(tx, doc, s, at);
  let planId: string | null = null;
  if (doc.ownerUnitId === null || doc.ownerPath === null) {
    await writeAudit(tx, actor, { action: 'document.describe_stub', entity: 'document', entityId: doc.id, unitPath: null, after: { kind, number: s.number, title: s.title } }, now);
    return { documentId: doc.id, planId };
  }
  await adoptStubLinks(tx, { id: doc.id, ownerPath: doc.ownerPath, numberKey: key, issuedOn: s.date });
  if (planStatus || kind === 'KH') {
    const out = await writePlanDraft(
      tx,
      { id: doc.id, ownerUnitId: doc.ownerUnitId, ownerPath: doc.ownerPath, bodyText: doc.bodyText ?? '', fileName: doc.sourceFileName ?? s.doc, proposed: doc.proposed, proposedSpans: doc.proposedSpans },
      s,
      actor,
      now,
    );
    planId = out.planId;
  }
  await writeAudit(tx, actor, {
    action: 'document.confirm', entity: 'document', entityId: doc.id, unitPath: doc.ownerPath,
    before: { status: doc.status, kind: doc.kind, number: doc.number, title: doc.title },
    after: { kind, number: s.number, title: s.title, implements: s.implements.length, references: s.references.length },
  }, now);
  return { documentId: doc.id, planId };
}

/**
 * Saves the structure a person confirmed for a document (PUT /api/documents/:id/structure).
 * Needs `write` on the unit that holds it. Throws NOT_FOUND, FORBIDDEN, DOCUMENT_IS_STUB,
 * PLAN_NOT_DRAFT; nothing is saved then.
 */
export async function saveStructure(id: string, input: DocumentStructure, { actor, tx, now }: ServiceContext): Promise<SaveStructureResult> {
  const doc = await documentToChange(tx, actor, id);
  return confirmStructure(tx, doc, input, actor, now);
}
