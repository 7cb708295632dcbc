import { Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../shared/units.ts';
import { UnitMoveSchema } from '../../../../shared/units.ts';
import { api } from '../../../api-client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormError } from '../../../components/FormError.tsx';
import { todayIso } from '../../../components/format.ts';
import { ResponsiveModal } from '../../../components/ResponsiveModal.tsx';
import { UnitSearchSelect } from '../../../components/UnitSearchSelect.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useUnitChange } from './use-unit-change.ts';

/** "Chuyển đơn vị": the unit (with everything under it) goes under another parent from a date. */
export function MoveUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ parentId: null as string | null, parentName: '', on: todayIso() as string | null, note: '' });
  const change = useUnitChange(form.showServerError);
  const v = form.values;
  const currentParent = unit.ancestors[unit.ancestors.length - 1];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(UnitMoveSchema, { parentId: v.parentId ?? '', on: v.on ?? '', ...(v.note.trim() ? { note: v.note.trim() } : {}) });
    if (!input) return;
    const ok = await change.run(() => api.post(`/api/units/${unit.id}/move`, input), t('units.moved', { name: unit.name, parent: v.parentName }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('units.actions.move')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <FormError message={form.formError} />
          <TextInput label={t('units.currentParent')} value={currentParent?.name ?? '—'} readOnly variant="filled" />
          <UnitSearchSelect
            label={t('units.newParent')}
            required
            value={v.parentId}
            onChange={(id, item) => {
              form.set('parentId', id);
              form.set('parentName', item?.name ?? '');
            }}
            excludeIds={[unit.id, ...(currentParent ? [currentParent.id] : [])]}
            error={form.errors.parentId}
            description={t('units.moveHint')}
          />
          <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
          <Textarea label={t('units.note')} autosize minRows={2} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
          <FormActions submitLabel={t('units.actions.moveSubmit')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
