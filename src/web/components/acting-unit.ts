import { useMemo, useSyncExternalStore } from 'react';
import { useMe } from './use-me.ts';
import { useRootUnits } from './unit-queries.ts';

const STORAGE_KEY = 'trienkhai.actingUnit';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Chooses the unit the user acts for and remembers it on this device. */
export function setActingUnitId(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Private mode: remembered for this visit only.
  }
  for (const l of listeners) l();
}

export interface ActingUnitOption {
  unitId: string;
  unitName: string;
  role: string | null;
}

/**
 * The unit the user is acting for: one of their grants (a superuser without grants acts for a
 * root unit). The choice is remembered; a stale choice falls back to the first option.
 */
export function useActingUnit(): { unitId: string | null; unitName: string | null; options: ActingUnitOption[]; loading: boolean } {
  const stored = useSyncExternalStore(subscribe, read, () => null);
  const me = useMe();
  const needRoots = !!me.data && me.data.superuser;
  const roots = useRootUnits();
  const options = useMemo<ActingUnitOption[]>(() => {
    const fromGrants: ActingUnitOption[] = [];
    for (const g of me.data?.grants ?? []) {
      if (!fromGrants.some((o) => o.unitId === g.unitId)) fromGrants.push({ unitId: g.unitId, unitName: g.unitName, role: g.role });
    }
    if (!needRoots) return fromGrants;
    const seen = new Set(fromGrants.map((o) => o.unitId));
    const fromRoots = (roots.data?.items ?? []).filter((u) => !seen.has(u.id)).map((u) => ({ unitId: u.id, unitName: u.name, role: null }));
    return [...fromGrants, ...fromRoots];
  }, [me.data, needRoots, roots.data]);
  const chosen = options.find((o) => o.unitId === stored) ?? options[0] ?? null;
  return {
    unitId: chosen?.unitId ?? null,
    unitName: chosen?.unitName ?? null,
    options,
    loading: me.isLoading || (needRoots && roots.isLoading),
  };
}
