import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AudienceAddSchema } from '#shared/plans.ts';
import type { AudienceAdd, PlanView } from '#shared/plans.ts';
import { api } from '../../api-client.ts';
import { formatNumber } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { UnitRef } from '../../components/unit-queries.ts';
import { UnitMultiSelect } from '../../components/UnitMultiSelect.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import { planKeys } from './plan-queries.ts';

/**
 * Gives a published plan's work to units founded or merged after it was published: each gets the
 * tasks and reports whose audience takes it in, for the periods from today on.
 */
export function AddAudienceModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ units: [] as UnitRef[] });
  const add = useMutationWithNotice({
    mutationFn: (body: AudienceAdd) => api.post<{ units: number; instances: number }>(`/api/plans/${plan.id}/audience`, body),
    invalidates: [planKeys.all],
    notice: (out) => t('plans.audienceAdd.done', { units: formatNumber(out.units), instances: formatNumber(out.instances) }),
    onError: form.showServerError,
  });

  function submit() {
    const body = form.validate(AudienceAddSchema, { unitIds: form.values.units.map((u) => u.id) });
    if (body) add.mutate(body, { onSuccess: onClose });
  }

  const intro = <Text size="sm">{t('plans.audienceAdd.hint')}</Text>;
  return (
    <FormModal title={t('plans.audienceAdd.title')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('plans.audienceAdd.submit')} busy={add.isPending} intro={intro}>
      <UnitMultiSelect label={t('plans.audienceAdd.units')} value={form.values.units} onChange={(units) => form.set('units', units)} error={form.errors.unitIds} />
    </FormModal>
  );
}
