import { useSearchParams } from 'react-router-dom';
import { useActingUnit } from '../../components/acting-unit.ts';

/** The unit a roll-up page looks at: `?unit=` when drilling down, else the unit the user acts for. */
export function usePageUnit(): { unitId: string | null; loading: boolean; setUnit: (id: string) => void } {
  const acting = useActingUnit();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('unit');
  return {
    unitId: fromUrl ?? acting.unitId,
    loading: acting.loading,
    setUnit: (id) => {
      const next = new URLSearchParams(params);
      next.set('unit', id);
      setParams(next);
    },
  };
}

/** The current year and the four before it, for the period pickers. */
export function recentYears(today: string): string[] {
  const y = Number(today.slice(0, 4));
  return [0, 1, 2, 3, 4].map((i) => String(y - i));
}
