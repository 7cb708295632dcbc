import { Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../shared/units.ts';
import { UnitCreateSchema } from '../../../../shared/units.ts';
import { api } from '../../../api-client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormError } from '../../../components/FormError.tsx';
import { todayIso } from '../../../components/format.ts';
import { useLabels } from '../../../components/labels.ts';
import { ResponsiveModal } from '../../../components/ResponsiveModal.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { suggestedChildKind } from './suggested-kind.ts';
import { useUnitChange } from './use-unit-change.ts';

/** "Thêm đơn vị trực thuộc": a new unit under this one, from a date. */
export function CreateUnitModal({ parent, onClose }: { parent: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormState({ kind: suggestedChildKind(parent.kind) as string, name: '', shortName: '', termLabel: parent.term.label ?? '', validFrom: todayIso() as string | null });
  const change = useUnitChange(form.showServerError);
  const v = form.values;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(UnitCreateSchema, {
      parentId: parent.id,
      kind: v.kind,
      name: v.name,
      shortName: v.shortName.trim() || null,
      validFrom: v.validFrom ?? '',
      ...(v.termLabel.trim() ? { term: { label: v.termLabel.trim() } } : {}),
    });
    if (!input) return;
    const out = await change.run(() => api.post<{ id: string }>('/api/units', input), t('units.created', { name: input.name }));
    if (out) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('units.actions.create')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <FormError message={form.formError} />
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
          <TextInput label={t('units.name')} required value={v.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={form.errors.name} data-autofocus />
          <TextInput label={t('units.shortName')} value={v.shortName} onChange={(e) => form.set('shortName', e.currentTarget.value)} error={form.errors.shortName} />
          <TextInput label={t('units.termLabel')} placeholder="2025-2030" value={v.termLabel} onChange={(e) => form.set('termLabel', e.currentTarget.value)} error={form.errors['term.label']} />
          <DateField label={t('units.effectiveDate')} required value={v.validFrom} onChange={(d) => form.set('validFrom', d)} error={form.errors.validFrom} />
          <FormActions submitLabel={t('units.actions.createSubmit')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
