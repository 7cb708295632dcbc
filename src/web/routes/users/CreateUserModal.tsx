import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserCreateSchema } from '#shared/users.ts';
import type { UserCreate } from '#shared/users.ts';
import { api } from '../../api-client.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import { grantsPayload } from './grant-rows.ts';
import { GrantsEditor, newGrantRow } from './GrantsEditor.tsx';
import type { GrantRow } from './GrantsEditor.tsx';
import { userKeys } from './user-queries.ts';
import { PasswordField } from '../../components/PasswordField.tsx';

/** "Tạo người dùng": a login with a first password and the units and roles it acts for. */
export function CreateUserModal({ defaultUnit, onClose }: { defaultUnit: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({
    username: '',
    password: '',
    grants: [newGrantRow(defaultUnit ? { unitId: defaultUnit.id, unitName: defaultUnit.name, role: 'member' } : {})] as GrantRow[],
  });
  const create = useMutationWithNotice({
    mutationFn: (input: UserCreate) => api.post<{ id: string }>('/api/users', input),
    invalidates: [userKeys.all],
    notice: (_, input) => t('users.created', { name: input.username }),
    onError: form.showServerError,
    alsoNotify: true,
  });

  function submit() {
    const input = form.validate(UserCreateSchema, { username: form.values.username, password: form.values.password, grants: grantsPayload(form.values.grants) });
    if (input) create.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('users.create')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('users.createSubmit')} busy={create.isPending}>
      <TextInput label={t('auth.username')} description={t('users.usernameHint')} required autoComplete="off" autoCapitalize="none" spellCheck={false} data-autofocus {...form.text('username')} />
      <PasswordField label={t('users.initialPassword')} description={t('auth.passwordRule')} required autoComplete="new-password" {...form.text('password')} />
      <GrantsEditor value={form.values.grants} onChange={(g) => form.set('grants', g)} errors={form.errors} />
    </FormModal>
  );
}
