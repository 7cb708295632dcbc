import { useQuery } from '@tanstack/react-query';
import type { SetupStatus } from '#shared/setup.ts';
import { api } from '../../api-client.ts';

export const SETUP_KEY = ['setup'] as const;

/** How far the installation is set up (system administrators only). */
export function useSetupStatus(enabled = true) {
  return useQuery({ queryKey: SETUP_KEY, queryFn: () => api.get<SetupStatus>('/api/setup'), enabled });
}

export type SetupStep = 'top' | 'tree' | 'members' | 'accounts';
export const SETUP_STEPS: readonly SetupStep[] = ['top', 'tree', 'members', 'accounts'];

/**
 * Which steps of the first-run guide are done, from the counts: a top unit exists; the tree holds
 * more than its top units; someone is a member; every member holding "bí thư" has an account.
 */
export function stepsDone(s: SetupStatus): Record<SetupStep, boolean> {
  return {
    top: s.topUnits.length > 0,
    tree: s.units > s.topUnits.length,
    members: s.members > 0,
    accounts: s.accounts > 0 && s.secretariesWithoutAccount === 0,
  };
}

/** The first step not done, or null when the installation is set up. */
export function nextStep(s: SetupStatus): SetupStep | null {
  const done = stepsDone(s);
  return SETUP_STEPS.find((k) => !done[k]) ?? null;
}
