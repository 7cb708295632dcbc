import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '#shared/members.ts';
import { MembershipUpdateSchema } from '#shared/members.ts';
import { api } from '../../api-client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useOrgChange } from '../../components/use-org-change.ts';
import { CategorySelect, PositionsSelect } from './MembershipFields.tsx';

type Membership = PersonDetail['memberships'][number];

/** Category and positions of a current membership. */
export function EditMembershipModal({ membership, personName, onClose }: { membership: Membership; personName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ category: membership.category as string, positions: membership.positions as string[] });
  const save = useOrgChange({
    mutationFn: (input: unknown) => api.patch(`/api/memberships/${membership.id}`, input),
    notice: () => t('members.membershipSaved', { name: personName }),
    onError: form.showServerError,
  });

  function submit() {
    const input = form.validate(MembershipUpdateSchema, form.values);
    if (input) save.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal
      title={t('members.editMembershipOf', { name: personName, unit: membership.unitName })}
      onClose={onClose}
      onSubmit={submit}
      error={form.formError}
      submitLabel={t('common.save')}
      busy={save.isPending}
    >
      <CategorySelect value={form.values.category} onChange={(c) => form.set('category', c)} error={form.errors.category} />
      <PositionsSelect value={form.values.positions} onChange={(p) => form.set('positions', p)} error={form.errors.positions} />
    </FormModal>
  );
}
