import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, Transfer } from '#shared/members.ts';
import { TransferSchema } from '#shared/members.ts';
import { api } from '../../api-client.ts';
import { datedChangePayload, DatedChangeFields } from '../../components/DatedChangeFields.tsx';
import { todayIso } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { UnitRef } from '../../components/unit-queries.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useOrgChange } from '../../components/use-org-change.ts';
import { CategorySelect } from './MembershipFields.tsx';

type Membership = PersonDetail['memberships'][number];

/** "Chuyển sinh hoạt": the current membership ends and a new one starts in another unit on a date. */
export function TransferModal({ person, membership, onClose }: { person: PersonDetail; membership: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ toUnit: null as UnitRef | null, category: membership.category as string, on: todayIso() as string | null, note: '' });
  const transfer = useOrgChange({
    mutationFn: (input: Transfer) => api.post(`/api/people/${person.id}/transfer`, input),
    notice: () => t('members.transferred', { name: person.fullName, unit: form.values.toUnit?.name ?? '' }),
    onError: form.showServerError,
  });
  const v = form.values;

  function submit() {
    const input = form.validate(TransferSchema, { toUnitId: v.toUnit?.id ?? '', category: v.category, ...datedChangePayload(v) });
    if (input) transfer.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('members.transferOf', { name: person.fullName })} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('members.transferSubmit')} busy={transfer.isPending}>
      <TextInput label={t('members.fromUnit')} value={membership.unitName} readOnly variant="filled" />
      <UnitSelect label={t('members.toUnit')} required value={v.toUnit} onChange={(u) => form.set('toUnit', u)} excludeIds={[membership.unitId]} error={form.errors.toUnitId} />
      <CategorySelect value={v.category} onChange={(c) => form.set('category', c)} error={form.errors.category} />
      <DatedChangeFields values={v} errors={form.errors} set={form.set} />
    </FormModal>
  );
}
