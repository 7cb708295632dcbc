import type { ReactNode } from 'react';
import type { UnitDetail } from '#shared/units.ts';
import { useActingUnit } from './acting-unit.ts';
import { Loaded } from './Loaded.tsx';
import { PageLoader } from './PageLoader.tsx';
import { useUnit } from './unit-queries.ts';

/** A page about the unit the user acts for: a spinner until it is known, `none` when the user has no unit, then `children` of the unit. */
export function ActingUnitPage({ none, children }: { none: ReactNode; children: (unit: UnitDetail) => ReactNode }) {
  const acting = useActingUnit();
  const unit = useUnit(acting.unitId);
  if (acting.loading) return <PageLoader />;
  if (!acting.unitId) return <>{none}</>;
  return <Loaded query={unit}>{children}</Loaded>;
}
