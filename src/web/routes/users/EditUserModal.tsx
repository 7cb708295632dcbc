import { Alert, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary, UserUpdate } from '#shared/users.ts';
import { UserUpdateSchema } from '#shared/users.ts';
import { api } from '../../api-client.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import { grantsPayload } from './grant-rows.ts';
import { GrantsEditor, newGrantRow } from './GrantsEditor.tsx';
import type { GrantRow } from './GrantsEditor.tsx';
import { userKeys } from './user-queries.ts';
import { PasswordField } from '../../components/PasswordField.tsx';

/**
 * Edits a user's grants, locks or unlocks the account, sets a new password; locking asks first.
 * One's own password is changed on the change-password page, with the current one: the server
 * refuses it here.
 */
export function EditUserModal({ user, self, onClose }: { user: UserSummary; self: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({
    grants: user.grants.map((g) => newGrantRow({ unitId: g.unitId, unitName: g.unitName, role: g.role })) as GrantRow[],
    disabled: user.disabled,
    password: '',
  });
  const [confirming, setConfirming] = useState<UserUpdate | null>(null);
  const save = useMutationWithNotice({
    mutationFn: (input: UserUpdate) => api.patch(`/api/users/${user.id}`, input),
    invalidates: [userKeys.all],
    notice: (_, input) => (input.disabled && !user.disabled ? t('users.disabledDone', { name: user.username }) : t('users.saved', { name: user.username })),
    onError: (e) => {
      setConfirming(null);
      form.showServerError(e);
    },
    alsoNotify: true,
  });
  const v = form.values;

  function submit() {
    const input = form.validate(UserUpdateSchema, { grants: grantsPayload(v.grants), disabled: v.disabled, ...(v.password ? { password: v.password } : {}) });
    if (!input) return;
    if (input.disabled && !user.disabled) setConfirming(input);
    else save.mutate(input, { onSuccess: onClose });
  }

  const confirmation = confirming && (
    <ConfirmStep confirmLabel={t('users.disableConfirm')} loading={save.isPending} onConfirm={() => save.mutate(confirming, { onSuccess: onClose })} onBack={() => setConfirming(null)}>
      {t('users.disableWarning', { name: user.username })}
    </ConfirmStep>
  );

  return (
    <FormModal
      title={t('users.editTitle', { name: user.username })}
      onClose={onClose}
      onSubmit={submit}
      error={form.formError}
      submitLabel={t('common.save')}
      busy={save.isPending}
      confirmation={confirmation}
    >
      {user.superuser && (
        <Alert color="blue" p="sm">
          {t('users.superuserNote')}
        </Alert>
      )}
      <GrantsEditor value={v.grants} onChange={(g) => form.set('grants', g)} errors={form.errors} />
      <Switch
        size="md"
        label={t('users.disabled')}
        description={t('users.disabledHint')}
        checked={v.disabled}
        onChange={(e) => form.set('disabled', e.currentTarget.checked)}
        color="red"
      />
      {self ? (
        <Text size="sm">{t('users.ownPasswordHint')}</Text>
      ) : (
        <PasswordField label={t('users.newPassword')} description={t('users.newPasswordHint')} autoComplete="new-password" {...form.text('password')} />
      )}
      <Text size="xs" c="dimmed">
        {t('users.editHint')}
      </Text>
    </FormModal>
  );
}
