import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { withParam } from './use-choice-param.ts';

/**
 * A dialog a link may open (`?action=import-tree`, from the first-run guide): the dialog open at
 * first when the address names `action`, and a close that takes the parameter out of the address,
 * so a reload does not open it again.
 */
export function useActionDialog<D extends string>(action: string, dialog: D): [D | null, (d: D | null) => void] {
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<D | null>(() => (params.get('action') === action ? dialog : null));
  const set = (d: D | null) => {
    setOpen(d);
    if (d === null && params.get('action') !== null) setParams((prev) => withParam(prev, 'action', null), { replace: true });
  };
  return [open, set];
}
