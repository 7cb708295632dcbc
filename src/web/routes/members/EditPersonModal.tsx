import { Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/members.ts';
import { PersonUpdateSchema } from '../../../shared/members.ts';
import { api } from '../../api-client.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { personPayload } from './person-form.ts';
import type { PersonFormValues } from './person-form.ts';
import { PersonFields } from './PersonFields.tsx';
import { useMemberChange } from './use-member-change.ts';

/** "Sửa thông tin" of a person. */
export function EditPersonModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState<PersonFormValues>({
    fullName: person.fullName,
    gender: person.gender,
    birthDate: person.birthDate,
    phone: person.phone ?? '',
    email: person.email ?? '',
    partyCardNo: person.partyCardNo ?? '',
    joinedPartyOn: person.joinedPartyOn,
    jobTitle: person.jobTitle ?? '',
  });
  const change = useMemberChange(form.showServerError);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(PersonUpdateSchema, personPayload(form.values));
    if (!input) return;
    const ok = await change.run(() => api.patch(`/api/people/${person.id}`, input), t('members.personSaved', { name: form.values.fullName }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('members.editPerson')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <PersonFields values={form.values} errors={form.errors} set={form.set} />
          <FormActions submitLabel={t('common.save')} loading={change.busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
