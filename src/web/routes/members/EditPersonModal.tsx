import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonUpdate } from '#shared/members.ts';
import { PersonUpdateSchema } from '#shared/members.ts';
import { api } from '../../api-client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useOrgChange } from '../../components/use-org-change.ts';
import { personFormValues, personPayload } from './person-form.ts';
import type { PersonFormValues } from './person-form.ts';
import { PersonFields } from './PersonFields.tsx';

/** "Sửa thông tin" of a person. */
export function EditPersonModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState<PersonFormValues>(personFormValues(person));
  const save = useOrgChange({
    mutationFn: (input: PersonUpdate) => api.patch(`/api/people/${person.id}`, input),
    notice: () => t('members.personSaved', { name: form.values.fullName }),
    onError: form.showServerError,
  });

  function submit() {
    const input = form.validate(PersonUpdateSchema, personPayload(form.values));
    if (input) save.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('members.editPerson')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('common.save')} busy={save.isPending}>
      <PersonFields values={form.values} errors={form.errors} set={form.set} />
    </FormModal>
  );
}
