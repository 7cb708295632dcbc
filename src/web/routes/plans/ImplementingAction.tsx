import { Anchor, Badge, Button, Group } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PLAN_STATUS_LABELS } from '#shared/plans.ts';
import type { PlanListItem } from '#shared/plans.ts';
import { Hint } from '../../components/Hint.tsx';
import { notifyError } from '../../components/notify.ts';
import { useLang } from '../../components/use-lang.ts';
import { useCreateImplementingPlan } from './plan-queries.ts';
import { STATUS_COLORS } from './plan-words.ts';

/**
 * The unit's own plan carrying out a plan addressed to it: a link when it exists, otherwise
 * "Xây dựng kế hoạch thực hiện", which makes a draft pre-filled with what was asked and opens it.
 */
export function ImplementingAction({ plan, unitId, canWrite }: { plan: PlanListItem; unitId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const create = useCreateImplementingPlan();
  const own = plan.implementingPlan;
  if (own) {
    return (
      <Group gap={6}>
        <Anchor component={Link} to={own.status === 'draft' ? `/plans/${own.id}/edit` : `/plans/${own.id}`} size="sm" fw={500}>
          {t('plans.list.openOwnPlan')}
        </Anchor>
        <Badge variant="light" color={STATUS_COLORS[own.status]} tt="none" radius="sm">
          {PLAN_STATUS_LABELS[own.status][lang]}
        </Badge>
      </Group>
    );
  }
  if (!canWrite) return <Hint>{t('plans.list.noOwnPlan')}</Hint>;
  return (
    <Button
      size="sm"
      variant="light"
      leftSection={<IconListCheck size={18} aria-hidden />}
      loading={create.isPending}
      aria-label={t('plans.list.makeOwnPlanOf', { plan: plan.number ?? plan.title })}
      onClick={() =>
        create.mutate({ planId: plan.id, unitId }, { onSuccess: (out) => navigate(`/plans/${out.id}/edit`), onError: (e) => notifyError(e) })
      }
    >
      {t('plans.list.makeOwnPlan')}
    </Button>
  );
}
