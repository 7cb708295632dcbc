import { Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../shared/units.ts';
import { UnitUpdateSchema } from '../../../../shared/units.ts';
import { api } from '../../../api-client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormError } from '../../../components/FormError.tsx';
import { todayIso } from '../../../components/format.ts';
import { ResponsiveModal } from '../../../components/ResponsiveModal.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useUnitChange } from './use-unit-change.ts';

/** "Đổi tên": a new name (and term of office) effective from a date. */
export function RenameUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({
    name: unit.name,
    shortName: unit.shortName ?? '',
    termLabel: unit.term.label ?? '',
    termStart: unit.term.start as string | null,
    termEnd: unit.term.end as string | null,
    on: todayIso() as string | null,
  });
  const change = useUnitChange(form.showServerError);
  const v = form.values;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(UnitUpdateSchema, {
      name: v.name,
      shortName: v.shortName.trim() || null,
      term: { label: v.termLabel.trim() || null, start: v.termStart, end: v.termEnd },
      on: v.on ?? '',
    });
    if (!input) return;
    const ok = await change.run(() => api.patch(`/api/units/${unit.id}`, input), t('units.renamed', { name: input.name ?? unit.name }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('units.actions.rename')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <FormError message={form.formError} />
          <TextInput label={t('units.newName')} required value={v.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} data-autofocus />
          <TextInput label={t('units.shortName')} value={v.shortName} onChange={(e) => form.set('shortName', e.currentTarget.value)} error={form.errors.shortName} />
          <TextInput label={t('units.termLabel')} placeholder="2025-2030" value={v.termLabel} onChange={(e) => form.set('termLabel', e.currentTarget.value)} error={form.errors['term.label']} />
          <Group grow align="flex-start" wrap="wrap">
            <DateField label={t('units.termStart')} value={v.termStart} onChange={(d) => form.set('termStart', d)} error={form.errors['term.start']} clearable />
            <DateField label={t('units.termEnd')} value={v.termEnd} onChange={(d) => form.set('termEnd', d)} error={form.errors['term.end']} clearable />
          </Group>
          <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
          <FormActions submitLabel={t('common.save')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
