import { Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../shared/units.ts';
import { UnitDissolveSchema } from '../../../../shared/units.ts';
import type { UnitDissolve } from '../../../../shared/units.ts';
import { api } from '../../../api-client.ts';
import { ConfirmStep } from '../../../components/ConfirmStep.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormError } from '../../../components/FormError.tsx';
import { todayIso } from '../../../components/format.ts';
import { formatViDate } from '../../../../core/text/dates.ts';
import { ResponsiveModal } from '../../../components/ResponsiveModal.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useUnitChange } from './use-unit-change.ts';

/** "Giải thể": the unit ends on a date (it must have no members and no sub-units left). */
export function DissolveUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ on: todayIso() as string | null, note: '' });
  const [pending, setPending] = useState<UnitDissolve | null>(null);
  const change = useUnitChange((e) => {
    setPending(null);
    form.showServerError(e);
  });
  const v = form.values;

  function review(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(UnitDissolveSchema, { on: v.on ?? '', ...(v.note.trim() ? { note: v.note.trim() } : {}) });
    if (input) setPending(input);
  }

  async function confirm() {
    if (!pending) return;
    const ok = await change.run(() => api.post(`/api/units/${unit.id}/dissolve`, pending), t('units.dissolved', { name: unit.name }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('units.actions.dissolve')}>
      {pending ? (
        <ConfirmStep confirmLabel={t('units.actions.dissolveConfirm')} loading={change.busy} onConfirm={() => void confirm()} onBack={() => setPending(null)}>
          {t('units.dissolveWarning', { name: unit.name, date: formatViDate(pending.on) })}
        </ConfirmStep>
      ) : (
        <form onSubmit={review} noValidate>
          <Stack>
            <FormError message={form.formError} />
            <Text size="sm">{t('units.dissolveHint', { name: unit.name })}</Text>
            <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
            <Textarea label={t('units.note')} autosize minRows={2} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
            <FormActions submitLabel={t('common.continue')} onCancel={onClose} color="red" />
          </Stack>
        </form>
      )}
    </ResponsiveModal>
  );
}
