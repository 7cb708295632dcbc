import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitCreate, UnitDetail } from '#shared/units.ts';
import { UnitCreateSchema } from '#shared/units.ts';
import { api } from '../../../api-client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { todayIso } from '../../../components/format.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useLabels } from '../../../components/labels.ts';
import { useFormState } from '../../../components/use-form-state.ts';
import { useOrgChange } from '../../../components/use-org-change.ts';
import { NameFields } from '../../../components/UnitNameFields.tsx';
import { suggestedChildKind } from './suggested-kind.ts';

/** "Thêm đơn vị trực thuộc": a new unit under this one, from a date. */
export function CreateUnitModal({ parent, onClose }: { parent: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormState({ kind: suggestedChildKind(parent.kind) as string, name: '', shortName: '', termLabel: parent.term.label ?? '', validFrom: todayIso() as string | null });
  const create = useOrgChange({
    mutationFn: (input: UnitCreate) => api.post<{ id: string }>('/api/units', input),
    notice: (_, input) => t('units.created', { name: input.name }),
    onError: form.showServerError,
  });
  const v = form.values;

  function submit() {
    const input = form.validate(UnitCreateSchema, {
      parentId: parent.id,
      kind: v.kind,
      name: v.name,
      shortName: v.shortName.trim() || null,
      validFrom: v.validFrom ?? '',
      ...(v.termLabel.trim() ? { term: { label: v.termLabel.trim() } } : {}),
    });
    if (input) create.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('units.actions.create')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('units.actions.createSubmit')} busy={create.isPending} gap="md">
      <TextInput label={t('units.parent')} value={parent.name} readOnly variant="filled" />
      <Select
        label={t('units.kind')}
        data={labels.unitKindOptions()}
        value={v.kind}
        onChange={(k) => k && form.set('kind', k)}
        allowDeselect={false}
        error={form.errors.kind}
        required
        comboboxProps={{ withinPortal: true }}
      />
      <NameFields nameLabel={t('units.name')} values={v} errors={form.errors} set={form.set} />
      <DateField label={t('units.effectiveDate')} required value={v.validFrom} onChange={(d) => form.set('validFrom', d)} error={form.errors.validFrom} />
    </FormModal>
  );
}
