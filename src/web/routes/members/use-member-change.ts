import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { unitKeys } from '../../components/unit-queries.ts';
import { memberKeys } from './member-queries.ts';

/** Runs a change to people or memberships; refreshes member lists and unit counts; says what happened. */
export function useMemberChange(showServerError: (e: unknown) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  async function run<T>(change: () => Promise<T>, successMessage: string): Promise<{ value: T } | null> {
    setBusy(true);
    try {
      const value = await change();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        queryClient.invalidateQueries({ queryKey: unitKeys.all }),
      ]);
      notifySuccess(successMessage);
      return { value };
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
