import { useTranslation } from 'react-i18next';
import { EXAMPLE_GROUPS, PLAN_AREAS } from '#core/personal-plans/forms.ts';
import type { PlanArea } from '#core/personal-plans/forms.ts';
import type { RecordState, RoundKind } from '#shared/personal-plans.ts';
import { useLang } from '../../components/use-lang.ts';

/** The colour of a plan's state: what waits on the member in grey or orange, what waits on the cell in blue, done in green. */
export const STATE_COLORS: Record<RecordState, string> = {
  pending: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'orange',
  confirmed: 'green',
};

/** The words of personal plans in the current language: states, areas, groups, kinds and scopes. */
export function usePlanLabels() {
  const { t } = useTranslation();
  const lang = useLang();
  return {
    state: (s: RecordState, kind: RoundKind = 'personal_plan') => t(kind === 'pledge' ? `personalPlans.pledgeState.${s === 'pending' ? 'pending' : 'signed'}` : `personalPlans.state.${s}`),
    kind: (k: RoundKind) => t(`personalPlans.kind.${k}`),
    scope: (scope: 'term' | 'year' | null, year: number | null) => (scope ? t(`personalPlans.scope.${scope}`, { year }) : ''),
    area: (a: string | null | undefined) => (a && a in PLAN_AREAS ? PLAN_AREAS[a as PlanArea][lang] : ''),
    group: (g: string | null | undefined) => (g && g in EXAMPLE_GROUPS ? EXAMPLE_GROUPS[g as keyof typeof EXAMPLE_GROUPS][lang] : ''),
    /** The areas a section allows (all of them when it names none). */
    areaOptions: (areas: readonly string[]) => (areas.length > 0 ? areas : Object.keys(PLAN_AREAS)).map((value) => ({ value, label: PLAN_AREAS[value as PlanArea][lang] })),
    groupOptions: () => Object.entries(EXAMPLE_GROUPS).map(([value, l]) => ({ value, label: l[lang] })),
  };
}
