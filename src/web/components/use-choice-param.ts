import { useSearchParams } from 'react-router-dom';

/** The address's parameters with `key` set to `value`, or removed for null; the others kept (the day a page is shown at, say). */
export function withParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

/**
 * A choice kept in the address (`?tab=members`), so a reload or a shared link opens the same tab:
 * the chosen value and how to change it. When the address names none (or an unknown one) the
 * `opening` choice is shown, else the first; the first choice leaves the address clean unless an
 * opening choice is given, in which case every choice is written so it wins over the opening one.
 * Other parameters stay (the day a page is shown at, say).
 */
export function useChoiceParam<C extends string>(
  key: string,
  choices: readonly [C, ...C[]],
  opening?: C,
): [C, (value: string | null) => void, { explicit: boolean }] {
  const [params, setParams] = useSearchParams();
  const named = choices.find((c) => c === params.get(key));
  const value = named ?? opening ?? choices[0];
  const keepFirst = opening !== undefined;
  const choose = (next: string | null) => setParams((prev) => withParam(prev, key, next && (keepFirst || next !== choices[0]) ? next : null), { replace: true });
  return [value, choose, { explicit: named !== undefined }];
}

/**
 * The tab to open on when the address names none: the first whose list is not empty, so a page
 * never opens on an empty tab while another holds something; the first tab when all are empty.
 * Undefined while a count that decides it is still unknown (a tab before the first non-empty one).
 */
export function firstNonEmpty<C extends string>(choices: readonly [C, ...C[]], counts: Partial<Record<C, number | undefined>>): C | undefined {
  for (const c of choices) {
    const n = counts[c];
    if (n === undefined) return undefined;
    if (n > 0) return c;
  }
  return choices[0];
}
