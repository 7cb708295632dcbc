import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/members.ts';
import { TransferSchema } from '../../../shared/members.ts';
import { api } from '../../api-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { todayIso } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { UnitSearchSelect } from '../../components/UnitSearchSelect.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMemberChange } from './use-member-change.ts';

type Membership = PersonDetail['memberships'][number];

/** "Chuyển sinh hoạt": the current membership ends and a new one starts in another unit on a date. */
export function TransferModal({ person, membership, onClose }: { person: PersonDetail; membership: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormState({ toUnitId: null as string | null, toUnitName: '', category: membership.category as string, on: todayIso() as string | null, note: '' });
  const change = useMemberChange(form.showServerError);
  const v = form.values;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(TransferSchema, {
      toUnitId: v.toUnitId ?? '',
      on: v.on ?? '',
      category: v.category,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    if (!input) return;
    const ok = await change.run(() => api.post(`/api/people/${person.id}/transfer`, input), t('members.transferred', { name: person.fullName, unit: v.toUnitName }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('members.transferOf', { name: person.fullName })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput label={t('members.fromUnit')} value={membership.unitName} readOnly variant="filled" />
          <UnitSearchSelect
            label={t('members.toUnit')}
            required
            value={v.toUnitId}
            onChange={(id, item) => {
              form.set('toUnitId', id);
              form.set('toUnitName', item?.name ?? '');
            }}
            excludeIds={[membership.unitId]}
            error={form.errors.toUnitId}
          />
          <Select
            label={t('members.category')}
            data={labels.categoryOptions()}
            value={v.category}
            onChange={(c) => c && form.set('category', c)}
            allowDeselect={false}
            error={form.errors.category}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
          <Textarea label={t('units.note')} autosize minRows={2} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
          <FormActions submitLabel={t('members.transferSubmit')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
