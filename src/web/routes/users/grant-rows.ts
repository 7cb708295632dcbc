import type { GrantRow } from './GrantsEditor.tsx';

/** Rows of the grants editor → the API's grants; incomplete rows are kept so validation names them. */
export function grantsPayload(rows: GrantRow[]) {
  return rows.map((r) => ({ unitId: r.unitId ?? '', role: r.role ?? '' }));
}
