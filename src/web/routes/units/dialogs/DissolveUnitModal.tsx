import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitDissolve } from '#shared/units.ts';
import { UnitDissolveSchema } from '#shared/units.ts';
import { api } from '../../../api-client.ts';
import { ConfirmedChangeModal } from '../../../components/ConfirmedChangeModal.tsx';
import { datedChangePayload, DatedChangeFields } from '../../../components/DatedChangeFields.tsx';
import { todayIso } from '../../../components/format.ts';
import { useFormState } from '../../../components/use-form-state.ts';
import { useConfirmedOrgChange } from '../../../components/use-org-change.ts';
import { formatViDate } from '#core/text/dates.ts';

/** "Giải thể": the unit ends on a date (it must have no members and no sub-units left). */
export function DissolveUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ on: todayIso() as string | null, note: '' });
  const change = useConfirmedOrgChange(form.showServerError, {
    mutationFn: (input: UnitDissolve) => api.post(`/api/units/${unit.id}/dissolve`, input),
    notice: () => t('units.dissolved', { name: unit.name }),
  });
  const v = form.values;

  return (
    <ConfirmedChangeModal
      title={t('units.actions.dissolve')}
      onClose={onClose}
      onReview={() => change.review(form.validate(UnitDissolveSchema, datedChangePayload(v)))}
      error={form.formError}
      change={change}
      confirmLabel={t('units.actions.dissolveConfirm')}
      warning={(input) => t('units.dissolveWarning', { name: unit.name, date: formatViDate(input.on) })}
      gap="md"
    >
      <Text size="sm">{t('units.dissolveHint', { name: unit.name })}</Text>
      <DatedChangeFields values={v} errors={form.errors} set={form.set} />
    </ConfirmedChangeModal>
  );
}
