import { sql } from 'drizzle-orm';
import type { Extraction } from '#core/extract/types.ts';
import { ExtractionSchema } from '#shared/extraction.ts';
import { confirmStructure, documentToChange, heldDocument } from '../documents/save-structure.ts';
import { writePlanDraft } from '../documents/write-plan-draft.ts';
import type { ServiceContext } from '../context.ts';

/**
 * A plan draft from an imported document (POST /api/plans/from-document/:documentId): issued by
 * the unit that holds the document, its tasks and report obligations built from the document's
 * confirmed structure (the proposed one is confirmed first when no one has yet) and addressed to
 * every grassroots organisation and cell below that unit. A document that has its plan already
 * gives that plan. Needs `write` on the unit. Throws NOT_FOUND, FORBIDDEN, DOCUMENT_IS_STUB,
 * PLAN_NOT_DRAFT.
 */
export async function createPlanFromDocument(input: { documentId: string }, { actor, tx, now }: ServiceContext): Promise<{ id: string; created: boolean }> {
  const doc = heldDocument(await documentToChange(tx, actor, input.documentId));
  const existing = await tx.execute<{ id: string }>(sql`SELECT id FROM plan WHERE id = ${doc.id}`);
  if (existing.rows[0]) return { id: doc.id, created: false };
  let structure = ExtractionSchema.parse(doc.status === 'confirmed' ? doc.structure : doc.proposed) as Extraction;
  if (doc.status !== 'confirmed') {
    const confirmed = await confirmStructure(tx, doc, structure, actor, now);
    if (confirmed.planId) return { id: confirmed.planId, created: true };
    structure = ExtractionSchema.parse((await tx.execute<{ structure: unknown }>(sql`SELECT structure FROM document WHERE id = ${doc.id}`)).rows[0]?.structure) as Extraction;
  }
  const out = await writePlanDraft(
    tx,
    { id: doc.id, ownerUnitId: doc.ownerUnitId, ownerPath: doc.ownerPath, bodyText: doc.bodyText ?? '', fileName: doc.sourceFileName ?? structure.doc, proposed: doc.proposed, proposedSpans: doc.proposedSpans },
    structure,
    actor,
    now,
  );
  return { id: out.planId, created: true };
}
