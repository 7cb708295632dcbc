import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MemberCreateSchema } from '#shared/members.ts';
import type { MemberCreate } from '#shared/members.ts';
import { api } from '../../api-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { todayIso } from '../../components/format.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { useOrgChange } from '../../components/use-org-change.ts';
import { CategorySelect, PositionsSelect } from './MembershipFields.tsx';
import { EMPTY_PERSON, personPayload } from './person-form.ts';
import type { PersonFormValues } from './person-form.ts';
import { PersonFields } from './PersonFields.tsx';

type Values = PersonFormValues & { category: string; positions: string[]; validFrom: string | null };

/** "Thêm thành viên": a new person with a membership in this unit from a date. */
export function AddMemberModal({ unitId, unitName, onClose }: { unitId: string; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState<Values>({ ...EMPTY_PERSON, category: 'party_full', positions: [], validFrom: todayIso() });
  const add = useOrgChange({
    mutationFn: (input: MemberCreate) => api.post<{ id: string }>(`/api/units/${unitId}/members`, input),
    notice: (_, input) => t('members.added', { name: input.fullName }),
    onError: form.showServerError,
  });
  const v = form.values;

  function submit() {
    const input = form.validate(MemberCreateSchema, { ...personPayload(v), category: v.category, positions: v.positions, validFrom: v.validFrom ?? '' });
    if (input) add.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('members.add')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('members.addSubmit')} busy={add.isPending}>
      <TextInput label={t('members.unit')} value={unitName} readOnly variant="filled" />
      <PersonFields values={v} errors={form.errors} set={form.set} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <CategorySelect required value={v.category} onChange={(c) => form.set('category', c)} error={form.errors.category} />
        <DateField label={t('members.since')} required value={v.validFrom} onChange={(d) => form.set('validFrom', d)} error={form.errors.validFrom} />
      </SimpleGrid>
      <PositionsSelect value={v.positions} onChange={(p) => form.set('positions', p)} error={form.errors.positions} />
    </FormModal>
  );
}
