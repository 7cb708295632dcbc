import { Alert, PasswordInput, Stack, Switch, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/users.ts';
import { UserUpdateSchema } from '../../../shared/users.ts';
import { api } from '../../api-client.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { grantsPayload } from './grant-rows.ts';
import { GrantsEditor, newGrantRow } from './GrantsEditor.tsx';
import type { GrantRow } from './GrantsEditor.tsx';
import { userKeys } from './user-queries.ts';

/** Edits a user's grants, locks or unlocks the account, sets a new password; locking asks first. */
export function EditUserModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormState({
    grants: user.grants.map((g) => newGrantRow({ unitId: g.unitId, unitName: g.unitName, role: g.role })) as GrantRow[],
    disabled: user.disabled,
    password: '',
  });
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const v = form.values;

  function body() {
    return { grants: grantsPayload(v.grants), disabled: v.disabled, ...(v.password ? { password: v.password } : {}) };
  }

  async function save() {
    const input = form.validate(UserUpdateSchema, body());
    if (!input) return;
    setBusy(true);
    try {
      await api.patch(`/api/users/${user.id}`, input);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifySuccess(v.disabled && !user.disabled ? t('users.disabledDone', { name: user.username }) : t('users.saved', { name: user.username }));
      onClose();
    } catch (err) {
      setConfirming(false);
      form.showServerError(err);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.validate(UserUpdateSchema, body())) return;
    if (v.disabled && !user.disabled) setConfirming(true);
    else void save();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('users.editTitle', { name: user.username })}>
      {confirming ? (
        <ConfirmStep confirmLabel={t('users.disableConfirm')} loading={busy} onConfirm={() => void save()} onBack={() => setConfirming(false)}>
          {t('users.disableWarning', { name: user.username })}
        </ConfirmStep>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormError message={form.formError} />
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
            <PasswordInput
              label={t('users.newPassword')}
              description={t('users.newPasswordHint')}
              autoComplete="new-password"
              value={v.password}
              onChange={(e) => form.set('password', e.currentTarget.value)}
              error={form.errors.password}
            />
            <Text size="xs" c="dimmed">
              {t('users.editHint')}
            </Text>
            <FormActions submitLabel={t('common.save')} loading={busy} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </ResponsiveModal>
  );
}
