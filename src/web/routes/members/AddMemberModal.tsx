import { MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberCreateSchema } from '../../../shared/members.ts';
import { api } from '../../api-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { todayIso } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { EMPTY_PERSON, personPayload } from './person-form.ts';
import type { PersonFormValues } from './person-form.ts';
import { PersonFields } from './PersonFields.tsx';
import { useMemberChange } from './use-member-change.ts';

type Values = PersonFormValues & { category: string; positions: string[]; validFrom: string | null };

/** "Thêm thành viên": a new person with a membership in this unit from a date. */
export function AddMemberModal({ unitId, unitName, onClose }: { unitId: string; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormState<Values>({ ...EMPTY_PERSON, category: 'party_full', positions: [], validFrom: todayIso() });
  const change = useMemberChange(form.showServerError);
  const v = form.values;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(MemberCreateSchema, { ...personPayload(v), category: v.category, positions: v.positions, validFrom: v.validFrom ?? '' });
    if (!input) return;
    const ok = await change.run(() => api.post<{ id: string }>(`/api/units/${unitId}/members`, input), t('members.added', { name: input.fullName }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('members.add')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput label={t('members.unit')} value={unitName} readOnly variant="filled" />
          <PersonFields values={v} errors={form.errors} set={form.set} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('members.category')}
              required
              data={labels.categoryOptions()}
              value={v.category}
              onChange={(c) => c && form.set('category', c)}
              allowDeselect={false}
              error={form.errors.category}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField label={t('members.since')} required value={v.validFrom} onChange={(d) => form.set('validFrom', d)} error={form.errors.validFrom} />
          </SimpleGrid>
          <MultiSelect
            label={t('members.positions')}
            data={labels.positionOptions()}
            value={v.positions}
            onChange={(p) => form.set('positions', p)}
            error={form.errors.positions}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <FormActions submitLabel={t('members.addSubmit')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
