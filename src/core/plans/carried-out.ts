import type { IsoDate } from '../ids.ts';

/**
 * A lower plan's task instance carries out its superior plan's instance of the same task for the
 * same unit (docs/decisions/014-reporting-chain.md). The superior's instance follows: done when
 * every instance carrying it out is done, on the last of their days; open otherwise. An instance
 * that nothing carries out keeps what its unit recorded. The server applies the same rule in SQL
 * (db/queries/carried-out.ts), one level per round; this is the whole chain at once, for tests.
 */
export interface ChainInstance {
  id: string;
  /** The superior plan's instance this one carries out. */
  carriesOutId: string | null;
  /** The day it was done; null while open. */
  doneOn: IsoDate | null;
  cancelled: boolean;
}

/** The done day of every instance once the chain has followed its lowest instances. */
export function followChain(instances: readonly ChainInstance[]): Map<string, IsoDate | null> {
  const byId = new Map(instances.map((i) => [i.id, i]));
  const carriers = new Map<string, ChainInstance[]>();
  for (const i of instances) {
    if (i.cancelled || i.carriesOutId === null || !byId.has(i.carriesOutId)) continue;
    carriers.set(i.carriesOutId, [...(carriers.get(i.carriesOutId) ?? []), i]);
  }
  const result = new Map<string, IsoDate | null>();
  const visiting = new Set<string>();
  const doneOn = (i: ChainInstance): IsoDate | null => {
    const known = result.get(i.id);
    if (known !== undefined || result.has(i.id)) return known ?? null;
    const below = carriers.get(i.id);
    // A cycle cannot come from plans (each carries out a higher one); stop rather than loop.
    if (!below || visiting.has(i.id)) {
      result.set(i.id, i.doneOn);
      return i.doneOn;
    }
    visiting.add(i.id);
    const days = below.map(doneOn);
    visiting.delete(i.id);
    const all = days.every((d): d is IsoDate => d !== null);
    const day = all ? days.reduce((a, b) => (b > a ? b : a)) : null;
    result.set(i.id, day);
    return day;
  };
  for (const i of instances) doneOn(i);
  return result;
}

/** The instances a change to `id` may move: those it carries out, up the chain. */
export function chainAbove(instances: readonly ChainInstance[], id: string): string[] {
  const byId = new Map(instances.map((i) => [i.id, i]));
  const out: string[] = [];
  let next = byId.get(id)?.carriesOutId ?? null;
  while (next !== null && !out.includes(next) && byId.has(next)) {
    out.push(next);
    next = byId.get(next)!.carriesOutId;
  }
  return out;
}
