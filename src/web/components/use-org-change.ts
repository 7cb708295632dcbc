import { useState } from 'react';
import { unitKeys } from './unit-queries.ts';
import { useMutationWithNotice } from './use-mutation-with-notice.ts';
import type { MutationWithNotice } from './use-mutation-with-notice.ts';

/**
 * A change to units or memberships (a restructuring, a new member, a transfer): the tree, the unit
 * pages with their member counts and the member lists are read again. The dialog that asked for it
 * may be behind the refusal, so a refusal is also a red notice.
 */
export function useOrgChange<V, R = unknown>(options: Omit<MutationWithNotice<V, R>, 'invalidates' | 'alsoNotify'>) {
  return useMutationWithNotice({ ...options, invalidates: [unitKeys.all, ['members']], alsoNotify: true });
}

export interface ConfirmedChange<V, R> {
  /** The checked input waiting for the confirmation; null while the form shows. */
  pending: V | null;
  busy: boolean;
  review: (input: V | null) => void;
  back: () => void;
  confirm: (onDone: (out: R) => void) => void;
}

/**
 * A destructive change to the organisation, asked twice: `review` keeps the checked input and
 * brings the confirmation, `confirm` sends it, `back` returns to the form; a refusal returns to the
 * form with the server's message (given to `showError`).
 */
export function useConfirmedOrgChange<V, R = unknown>(showError: (e: unknown) => void, options: Omit<MutationWithNotice<V, R>, 'invalidates' | 'alsoNotify' | 'onError'>): ConfirmedChange<V, R> {
  const [pending, setPending] = useState<V | null>(null);
  const change = useOrgChange({
    ...options,
    onError: (e) => {
      setPending(null);
      showError(e);
    },
  });
  return {
    pending,
    busy: change.isPending,
    review: (input) => {
      if (input) setPending(input);
    },
    back: () => setPending(null),
    confirm: (onDone) => {
      // Not a per-call callback of `mutate`: the dialog may be gone by then (an ended unit has no
      // actions), and what follows (opening the unit merged into) must still happen. A refusal is
      // already shown by onError.
      if (pending) change.mutateAsync(pending).then(onDone, () => {});
    },
  };
}
