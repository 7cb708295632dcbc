import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { notifyError, notifySuccess } from './notify.ts';

/** What a change tells the user: the view decides, the query module only says what the change is. */
export interface Notice<V, R> {
  /** The green notice once the change is done; none when it gives null. */
  notice: (out: R, vars: V) => string | null;
  /** Shows the server's refusal where the user looks (beside a form's fields); without it, a red notice does. */
  onError?: (error: unknown) => void;
  /** A red notice as well as `onError`. */
  alsoNotify?: boolean;
}

export interface MutationWithNotice<V, R> extends Notice<V, R> {
  mutationFn: (vars: V) => Promise<R>;
  /** The cached queries the change makes stale; they are read again before the notice shows. */
  invalidates?: readonly QueryKey[];
}

/**
 * A change sent to the server that says what happened: once done it refreshes what it made stale,
 * then shows a green notice; a refusal is shown where `onError` puts it, or as a red notice.
 * What only one call does (close a dialog, open a page) goes to `mutate(vars, { onSuccess })`.
 */
export function useMutationWithNotice<V = void, R = unknown>({ mutationFn, invalidates = [], notice, onError, alsoNotify }: MutationWithNotice<V, R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    // Awaited, so the change stays pending until the lists behind a dialog show it.
    onSuccess: async (out: R, vars: V) => {
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
      const message = notice(out, vars);
      if (message) notifySuccess(message);
    },
    onError: (error: unknown) => {
      onError?.(error);
      if (!onError || alsoNotify) notifyError(error);
    },
  });
}
