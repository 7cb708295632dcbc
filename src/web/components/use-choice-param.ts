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
 * the chosen value (the first choice when the address has none or an unknown one) and how to
 * change it. The first choice leaves the address clean of it; other parameters stay.
 */
export function useChoiceParam<C extends string>(key: string, choices: readonly [C, ...C[]]): [C, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = choices.find((c) => c === params.get(key)) ?? choices[0];
  const choose = (next: string | null) => setParams((prev) => withParam(prev, key, next && next !== choices[0] ? next : null), { replace: true });
  return [value, choose];
}
