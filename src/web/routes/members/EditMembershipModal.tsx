import { MultiSelect, Select, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/members.ts';
import { MembershipUpdateSchema } from '../../../shared/members.ts';
import { api } from '../../api-client.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useLabels } from '../../components/labels.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMemberChange } from './use-member-change.ts';

type Membership = PersonDetail['memberships'][number];

/** Category and positions of a current membership. */
export function EditMembershipModal({ membership, personName, onClose }: { membership: Membership; personName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormState({ category: membership.category as string, positions: membership.positions as string[] });
  const change = useMemberChange(form.showServerError);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(MembershipUpdateSchema, form.values);
    if (!input) return;
    const ok = await change.run(() => api.patch(`/api/memberships/${membership.id}`, input), t('members.membershipSaved', { name: personName }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('members.editMembershipOf', { name: personName, unit: membership.unitName })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <Select
            label={t('members.category')}
            data={labels.categoryOptions()}
            value={form.values.category}
            onChange={(c) => c && form.set('category', c)}
            allowDeselect={false}
            error={form.errors.category}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('members.positions')}
            data={labels.positionOptions()}
            value={form.values.positions}
            onChange={(p) => form.set('positions', p)}
            error={form.errors.positions}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <FormActions submitLabel={t('common.save')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
