import { effectiveFigures } from '#core/consolidation/draft.ts';
import { issuerAbbrev, proposeNumber } from '#core/documents-out/issuer.ts';
import { numberSymbol } from '#core/documents-out/numbering.ts';
import type { ConsolidationQuery, ConsolidationView } from '#shared/consolidation.ts';
import type { VersionRow } from '../../db/queries/consolidation.ts';
import { issuedNumbers } from '../../db/queries/consolidation.ts';
import { isoTime } from '../../db/queries/reports.ts';
import type { ServiceContext } from '../context.ts';
import type { ConsolidationState } from './get-consolidation-state.ts';
import { getConsolidationState, mayEdit } from './get-consolidation-state.ts';

const userOf = (v: VersionRow) => (v.createdById ? { id: v.createdById, name: v.createdByName ?? '' } : null);
const sameBasis = (a: readonly string[], b: readonly string[]) => {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The sequence the Word file of this consolidation already received, when it was exported before. */
export function exportedSeq(l: ConsolidationState): number | null {
  return l.versions.find((v) => v.kind === 'export' && v.docSeq !== null)?.docSeq ?? null;
}

/**
 * GET /api/obligations/:id/consolidation: the consolidated report of the unit's subtree (default:
 * the plan's unit) for a period, with the sources of every figure and passage, who reported late
 * or not at all, the draft to edit and its versions, the number the Word file will carry, and where
 * submitting it upward would send it. Needs `read` on the unit.
 */
export async function getConsolidation(obligationId: string, q: ConsolidationQuery, ctx: ServiceContext): Promise<ConsolidationView> {
  const l = await getConsolidationState(obligationId, q, 'read', ctx);
  const c = l.consolidation;
  const kept = exportedSeq(l);
  const number = kept !== null
    ? { seq: kept, symbol: numberSymbol({ seq: kept, kind: 'BC', issuerAbbrev: issuerAbbrev(l.issuer.unit), profile: l.issuer.profile }), note: null }
    : proposeNumber(l.issuer.unit, 'BC', l.today, await issuedNumbers(ctx.tx, l.issuer.unit.id));
  const latest = l.versions[0];
  const edit = mayEdit(l, ctx.actor);
  const unitsById = new Map(l.units.map((u) => [u.id, u]));
  const parentOf = (id: string) => {
    const parentId = unitsById.get(id)?.parentId;
    return (parentId && unitsById.get(parentId)?.name) || null;
  };
  return {
    obligation: {
      id: l.obligation.id,
      title: l.obligation.title,
      planId: l.plan.id,
      planNumber: l.plan.number,
      planTitle: l.plan.title,
      planUnitName: l.plan.unitName,
    },
    unit: { id: l.scope.unit.id, name: l.scope.unit.name },
    period: l.period,
    periods: l.periods,
    // The reports of a subtree name cells of several đảng bộ: each with its parent.
    reports: c.reports.map((r) => ({ ...r, parentName: parentOf(r.unitId) })),
    figures: effectiveFigures(c, l.draft).map((f) => ({ ...f, sources: [...f.sources], gaps: [...f.gaps] })),
    children: c.children.map((ch) => ({ ...ch, figures: { ...ch.figures } })),
    sections: c.sections.map((s) => ({ ...s, parts: [...s.parts] })),
    summary: c.summary,
    draft: { ...l.draft, sections: [...l.draft.sections], overrides: [...l.draft.overrides], recipients: [...l.draft.recipients] },
    latest: latest
      ? { version: latest.version, kind: latest.kind, createdAt: isoTime(latest.createdAt), createdBy: userOf(latest), current: sameBasis(latest.basis, c.basis) }
      : null,
    versions: l.versions.map((v) => ({
      version: v.version,
      kind: v.kind,
      createdAt: isoTime(v.createdAt),
      createdBy: userOf(v),
      number: v.docNumber,
      submissionId: v.submissionId,
    })),
    number,
    target: l.target
      ? {
          instanceId: l.target.instanceId,
          obligationTitle: l.target.obligationTitle,
          planNumber: l.target.planNumber,
          periodLabel: l.target.periodLabel,
          status: l.target.status,
          toText: l.target.toText,
        }
      : null,
    targetProblem: l.targetProblem,
    permissions: { edit, submit: edit && l.target !== null },
  };
}
