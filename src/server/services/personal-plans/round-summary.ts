import { sql } from 'drizzle-orm';
import type { RoundSummary } from '#shared/personal-plans.ts';
import type { Tx } from '../../db/client.ts';
import type { RoundRow } from '../../db/queries/personal-plans.ts';

/** Rounds as the screens show them: each rule of a plan round with its form's label and its units' names. */
export async function summariesOf(tx: Tx, rows: readonly RoundRow[]): Promise<RoundSummary[]> {
  const formIds = [...new Set(rows.flatMap((r) => r.assignments.map((a) => a.formId)))];
  const unitIds = [...new Set(rows.flatMap((r) => r.assignments.flatMap((a) => a.unitIds)))];
  const labels = new Map<string, string>();
  const names = new Map<string, string>();
  if (formIds.length > 0) {
    const f = await tx.execute<{ id: string; label: string }>(sql`SELECT id, label FROM plan_form WHERE id = ANY(${`{${formIds.join(',')}}`}::uuid[])`);
    for (const x of f.rows) labels.set(x.id, x.label);
  }
  if (unitIds.length > 0) {
    const u = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM unit WHERE id = ANY(${`{${unitIds.join(',')}}`}::uuid[])`);
    for (const x of u.rows) names.set(x.id, x.name);
  }
  return rows.map(({ unitPath: _path, assignments, ...r }) => ({
    ...r,
    assignments: assignments.map((a) => ({
      formId: a.formId,
      formLabel: labels.get(a.formId) ?? '',
      categories: a.categories,
      units: a.unitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    })),
  }));
}

export async function summaryOf(tx: Tx, row: RoundRow): Promise<RoundSummary> {
  return (await summariesOf(tx, [row]))[0]!;
}
