import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitUpdate } from '#shared/units.ts';
import { UnitUpdateSchema } from '#shared/units.ts';
import { api } from '../../../api-client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { todayIso } from '../../../components/format.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useOrgChange } from '../../../components/use-org-change.ts';
import { NameFields } from '../../../components/UnitNameFields.tsx';

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
  const rename = useOrgChange({
    mutationFn: (input: UnitUpdate) => api.patch(`/api/units/${unit.id}`, input),
    notice: (_, input) => t('units.renamed', { name: input.name ?? unit.name }),
    onError: form.showServerError,
  });
  const v = form.values;

  function submit() {
    const input = form.validate(UnitUpdateSchema, {
      name: v.name,
      shortName: v.shortName.trim() || null,
      term: { label: v.termLabel.trim() || null, start: v.termStart, end: v.termEnd },
      on: v.on ?? '',
    });
    if (input) rename.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('units.actions.rename')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('common.save')} busy={rename.isPending} gap="md">
      <NameFields nameLabel={t('units.newName')} values={v} errors={form.errors} set={form.set} />
      <Group grow align="flex-start" wrap="wrap">
        <DateField label={t('units.termStart')} value={v.termStart} onChange={(d) => form.set('termStart', d)} error={form.errors['term.start']} clearable />
        <DateField label={t('units.termEnd')} value={v.termEnd} onChange={(d) => form.set('termEnd', d)} error={form.errors['term.end']} clearable />
      </Group>
      <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
    </FormModal>
  );
}
