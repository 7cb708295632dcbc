import { sql } from 'drizzle-orm';
import type { ReportForm } from '#core/reports/form.ts';
import { sectionsOf } from '#core/reports/form.ts';
import type { InstanceRow } from '../../db/queries/reports.ts';
import type { ServiceContext } from '../context.ts';
import { saveSubmission } from './save-submission.ts';

/**
 * Saves prefilled figures as a report's working draft, keeping what the unit already drafted (or
 * what the returned version said): the given figures replace only those they name, and `summary`
 * fills the form's first section only when it is empty. The unit can still correct everything
 * before it submits. What study sessions and rounds of personal plans prefill goes through here.
 */
export async function savePrefilledDraft(
  inst: InstanceRow,
  form: ReportForm,
  figures: Record<string, number>,
  summary: () => string,
  s: ServiceContext,
): Promise<{ submissionId: string; version: number }> {
  const current = await s.tx.execute<{ figures: Record<string, number | null>; narrative: Record<string, string> }>(sql`
    SELECT figures, narrative FROM submission WHERE obligation_instance_id = ${inst.id} AND version = ${inst.currentVersion}`);
  const base = current.rows[0];
  const narrative = { ...(base?.narrative ?? {}) };
  const first = sectionsOf(form)[0]!;
  if (!narrative[first.key]?.trim()) narrative[first.key] = summary();
  const saved = await saveSubmission(inst.id, { figures: { ...(base?.figures ?? {}), ...figures }, narrative, submit: false }, s);
  return { submissionId: saved.submissionId, version: saved.version };
}
