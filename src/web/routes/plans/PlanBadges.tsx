import { Badge } from '@mantine/core';
import { CONFIDENTIALITY_LABELS, PLAN_STATUS_LABELS } from '#shared/plans.ts';
import type { Confidentiality, PlanStatus } from '#shared/plans.ts';
import { useLang } from '../../components/use-lang.ts';
import { STATUS_COLORS } from './plan-words.ts';

/** A plan's state (draft, published, cancelled) and, when it is secret, that it is. */
export function PlanBadges({ plan }: { plan: { status: PlanStatus; confidentiality: Confidentiality } }) {
  const lang = useLang();
  return (
    <>
      <Badge variant="light" color={STATUS_COLORS[plan.status]} tt="none" radius="sm">
        {PLAN_STATUS_LABELS[plan.status][lang]}
      </Badge>
      {plan.confidentiality === 'secret' && (
        <Badge variant="filled" color="red" tt="none" radius="sm">
          {CONFIDENTIALITY_LABELS.secret[lang]}
        </Badge>
      )}
    </>
  );
}
