import { useSearchParams } from 'react-router-dom';

/**
 * A choice kept in the address (`?tab=members`), so a reload or a shared link opens the same tab:
 * the chosen value (the first choice when the address has none or an unknown one) and how to
 * change it. The first choice leaves the address clean.
 */
export function useChoiceParam<C extends string>(key: string, choices: readonly [C, ...C[]]): [C, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = choices.find((c) => c === params.get(key)) ?? choices[0];
  const choose = (next: string | null) => setParams(next && next !== choices[0] ? { [key]: next } : {}, { replace: true });
  return [value, choose];
}
