import { Button, Group, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconPencilPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanReturnSchema } from '#shared/personal-plans.ts';
import type { PersonalPlanView } from '#shared/personal-plans.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Section } from '../../components/Section.tsx';
import classes from '../../components/layout.module.css';
import { useFormState } from '../../components/use-form-state.ts';
import { useAmendPlan, useConfirmPlan, useReturnPlan } from './personal-plan-queries.ts';

/** What the reviewer does with a submitted plan (return it with a comment, or confirm it), and the amendment of a confirmed one. */
export function ReviewActions({ v }: { v: PersonalPlanView }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const confirm = useConfirmPlan(v.round.id, v.person.id, { notice: () => t('personalPlans.review.confirmed') });
  const amend = useAmendPlan(v.round.id, v.person.id, { notice: () => t('personalPlans.review.amended') });
  return (
    <Section title={v.can.review ? t('personalPlans.review.title') : t('personalPlans.review.amendTitle')} id="plan-review">
      <Group gap="sm" className={classes.actions}>
        {v.can.review && (
          <>
            <Button variant="default" color="orange" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setReturning(true)} disabled={confirm.isPending}>
              {t('personalPlans.review.return')}
            </Button>
            <Button color="green" leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={() => confirm.mutate()} loading={confirm.isPending}>
              {t('personalPlans.review.confirm')}
            </Button>
          </>
        )}
        {v.can.amend && (
          <Button variant="light" leftSection={<IconPencilPlus size={18} aria-hidden />} onClick={() => amend.mutate()} loading={amend.isPending}>
            {t('personalPlans.review.amend')}
          </Button>
        )}
      </Group>
      {returning && <ReturnModal v={v} onClose={() => setReturning(false)} />}
    </Section>
  );
}

function ReturnModal({ v, onClose }: { v: PersonalPlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ comment: '' });
  const ret = useReturnPlan(v.round.id, v.person.id, { notice: () => t('personalPlans.review.returned'), onError: form.showServerError });
  function submit() {
    const input = form.validate(PlanReturnSchema, form.values);
    if (input) ret.mutate(input.comment, { onSuccess: onClose });
  }
  return (
    <FormModal title={t('personalPlans.review.returnTitle', { name: v.person.fullName })} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('personalPlans.review.returnSubmit')} busy={ret.isPending}>
      <Textarea label={t('personalPlans.review.comment')} description={t('personalPlans.review.commentHint')} required autosize minRows={3} data-autofocus {...form.text('comment')} />
    </FormModal>
  );
}
