import { describeRules, setsFor } from '#core/meetings/rules.ts';
import type { RuleSetView } from '#shared/meetings.ts';
import { findStoredRuleSets } from '../../db/queries/meetings.ts';
import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';

/**
 * GET /api/meeting-rules?unit=: the dated rule sets of a unit, oldest first — those that apply to
 * its meetings (national rules and the guidance of the committees above it) and those it set for
 * the units below it — each with the day the next set of the same issuer takes over.
 * Throws UNIT_NOT_FOUND.
 */
export async function findRuleSets(unitId: string, { actor, tx }: ServiceContext): Promise<{ items: RuleSetView[] }> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  const all = await findStoredRuleSets(tx);
  const applying = new Set(setsFor(all, unit.path));
  const shown = all.filter((s) => applying.has(s) || (s.scope !== null && (s.scope === unit.path || s.scope.startsWith(`${unit.path}.`))));
  return {
    items: shown.map((s) => {
      const next = all.find((x) => x.scope === s.scope && x.validFrom > s.validFrom);
      return {
        id: s.id, name: s.name, source: s.source, validFrom: s.validFrom, validTo: next?.validFrom ?? null,
        unit: s.unitId ? { id: s.unitId, name: s.unitName ?? '' } : null,
        issuer: s.unitId ? null : s.issuer,
        appliesHere: applying.has(s),
        rules: s.rules, description: describeRules(s.rules), createdAt: s.createdAt,
      };
    }),
  };
}
