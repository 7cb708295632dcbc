import { Button, Paper, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordSchema } from '#shared/auth.ts';
import type { z } from '#shared/common.ts';
import { api } from '../../api-client.ts';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';
import { Hint } from '../../components/Hint.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormState({ currentPassword: '', newPassword: '', repeat: '' });
  const change = useMutationWithNotice({
    mutationFn: (input: z.infer<typeof ChangePasswordSchema>) => api.post('/api/auth/password', input),
    notice: () => t('auth.passwordChanged'),
    onError: form.showServerError,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ChangePasswordSchema, { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword });
    if (!input) return;
    if (form.values.repeat !== form.values.newPassword) {
      form.setFieldError('repeat', t('auth.passwordsDiffer'));
      return;
    }
    change.mutate(input, {
      onSuccess: () => {
        form.reset();
        navigate('/');
      },
    });
  }

  return (
    <>
      <PageHeader title={t('auth.changePassword')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={480}>
        <form onSubmit={submit} noValidate aria-label={t('auth.changePassword')}>
          <Stack>
            <FormError message={form.formError} />
            <PasswordField label={t('auth.currentPassword')} autoComplete="current-password" required {...form.text('currentPassword')} />
            <PasswordField label={t('auth.newPassword')} description={t('auth.passwordRule')} autoComplete="new-password" required {...form.text('newPassword')} />
            <PasswordField label={t('auth.repeatPassword')} autoComplete="new-password" required {...form.text('repeat')} />
            <Hint>{t('auth.otherSessionsEnd')}</Hint>
            <Button type="submit" loading={change.isPending} w={{ base: '100%', xs: 'auto' }}>
              {t('auth.savePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
