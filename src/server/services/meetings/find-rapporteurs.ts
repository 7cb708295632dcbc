import type { ServiceContext } from '../context.ts';
import { unitFor } from '../members/scope.ts';
import { rapporteurRoster } from '../../db/queries/meetings.ts';
import type { RosterEntry } from '../../db/queries/meetings.ts';

/**
 * GET /api/units/:id/rapporteurs: the roster of rapporteurs (báo cáo viên) a unit may choose from —
 * its own and those of the levels above, nearest first (names and units only). Throws UNIT_NOT_FOUND.
 */
export async function findRapporteurs(unitId: string, { actor, tx }: ServiceContext): Promise<{ items: RosterEntry[] }> {
  const unit = await unitFor(tx, actor, unitId, 'read');
  return { items: await rapporteurRoster(tx, unit.path) };
}
