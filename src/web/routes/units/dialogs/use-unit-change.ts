import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../components/notify.ts';
import { unitKeys } from '../../../components/unit-queries.ts';

/**
 * Runs a change to the tree: shows the server's message on failure (beside the fields and as a
 * notification), refreshes every cached unit query and says what was done on success.
 */
export function useUnitChange(showServerError: (e: unknown) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  async function run<T>(change: () => Promise<T>, successMessage: string): Promise<{ value: T } | null> {
    setBusy(true);
    try {
      const out = await change();
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['members'] });
      notifySuccess(successMessage);
      return { value: out };
    } catch (e) {
      showServerError(e);
      notifyError(e);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, run };
}
