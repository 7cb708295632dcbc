import { Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AudienceAddSchema } from '../../../shared/plans.ts';
import type { AudienceAdd, PlanView } from '../../../shared/plans.ts';
import { api } from '../../api-client.ts';
import { formatNumber } from '../../components/format.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import type { UnitRef } from './plan-form.ts';
import { planKeys } from './plan-queries.ts';
import { UnitPicker } from './UnitPicker.tsx';

/**
 * Gives a published plan's work to units founded or merged after it was published: each gets the
 * tasks and reports whose audience takes it in, for the periods from today on.
 */
export function AddAudienceModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState({ units: [] as UnitRef[] });
  const add = useMutation({
    mutationFn: (body: AudienceAdd) => api.post<{ units: number; instances: number }>(`/api/plans/${plan.id}/audience`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: planKeys.all }),
  });

  function submit() {
    const body = form.validate(AudienceAddSchema, { unitIds: form.values.units.map((u) => u.id) });
    if (!body) return;
    add.mutate(body, {
      onSuccess: (out) => {
        notifySuccess(t('plans.audienceAdd.done', { units: formatNumber(out.units), instances: formatNumber(out.instances) }));
        onClose();
      },
      onError: (e) => form.showServerError(e),
    });
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('plans.audienceAdd.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('plans.audienceAdd.hint')}</Text>
          <FormError message={form.formError} />
          <UnitPicker label={t('plans.audienceAdd.units')} value={form.values.units} onChange={(units) => form.set('units', units)} error={form.errors.unitIds} />
          <FormActions submitLabel={t('plans.audienceAdd.submit')} loading={add.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
