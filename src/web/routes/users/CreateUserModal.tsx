import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserCreateSchema } from '../../../shared/users.ts';
import { api } from '../../api-client.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { grantsPayload } from './grant-rows.ts';
import { GrantsEditor, newGrantRow } from './GrantsEditor.tsx';
import type { GrantRow } from './GrantsEditor.tsx';
import { userKeys } from './user-queries.ts';

/** "Tạo người dùng": a login with a first password and the units and roles it acts for. */
export function CreateUserModal({ defaultUnit, onClose }: { defaultUnit: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormState({
    username: '',
    password: '',
    grants: [newGrantRow(defaultUnit ? { unitId: defaultUnit.id, unitName: defaultUnit.name, role: 'member' } : {})] as GrantRow[],
  });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(UserCreateSchema, { username: form.values.username, password: form.values.password, grants: grantsPayload(form.values.grants) });
    if (!input) return;
    setBusy(true);
    try {
      await api.post<{ id: string }>('/api/users', input);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifySuccess(t('users.created', { name: input.username }));
      onClose();
    } catch (err) {
      form.showServerError(err);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('users.create')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput
            label={t('auth.username')}
            description={t('users.usernameHint')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={form.values.username}
            onChange={(e) => form.set('username', e.currentTarget.value)}
            error={form.errors.username}
            data-autofocus
          />
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('auth.passwordRule')}
            required
            autoComplete="new-password"
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={form.errors.password}
          />
          <GrantsEditor value={form.values.grants} onChange={(g) => form.set('grants', g)} errors={form.errors} />
          <FormActions submitLabel={t('users.createSubmit')} loading={busy} onCancel={onClose} />
        </Stack>
      </form>
    </ResponsiveModal>
  );
}
