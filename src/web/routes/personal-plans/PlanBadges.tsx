import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordState, RoundKind } from '#shared/personal-plans.ts';
import { formatDate } from '../../components/format.ts';
import { STATE_COLORS, usePlanLabels } from './plan-labels.ts';

interface Props {
  state: RecordState;
  /** A pledge shows signed or not (with the day), not a plan's state. */
  kind?: RoundKind;
  signedOn?: string | null;
  /** "Mẫu 02", first. */
  formLabel?: string | null;
  late?: boolean;
  leader?: boolean;
  onBehalf?: boolean;
}

/** Where a member's plan or pledge stands, as a row of badges: its form, its state, late, a leader's, entered on their behalf. */
export function PlanBadges({ state, kind = 'personal_plan', signedOn = null, formLabel, late, leader, onBehalf }: Props) {
  const { t } = useTranslation();
  const l = usePlanLabels();
  const pledge = kind === 'pledge';
  const badge = (key: string, color: string, text: string, variant: 'light' | 'outline' = 'light') => (
    <Badge key={key} variant={variant} color={color} tt="none" radius="sm">
      {text}
    </Badge>
  );
  return (
    <Group gap={4}>
      {formLabel && !pledge && badge('form', 'gray', formLabel, 'outline')}
      {pledge
        ? badge('state', signedOn ? 'green' : 'gray', signedOn ? t('personalPlans.pledge.signedOn', { date: formatDate(signedOn) }) : t('personalPlans.pledgeState.pending'))
        : badge('state', STATE_COLORS[state], l.state(state))}
      {late && badge('late', 'red', t('personalPlans.late'))}
      {leader && !pledge && badge('leader', 'grape', t('personalPlans.leader'), 'outline')}
      {onBehalf && badge('onBehalf', 'gray', t('personalPlans.onBehalfBadge'), 'outline')}
    </Group>
  );
}
