import { Alert, Box, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordSchema } from '#shared/auth.ts';
import type { Me } from '#shared/auth.ts';
import { api } from '../../api-client.ts';
import { FormError } from '../../components/FormError.tsx';
import { landingPath } from '../../components/landing.ts';
import { takeOneTimePassword } from '../../components/one-time-password.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { ME_KEY } from '../../components/use-me.ts';

/**
 * The first sign-in with a one-time password: nothing else opens until the user chooses a password
 * of their own (new password twice); then they land where the landing rule sends them (a cell's
 * secretary on its "Việc cần làm"). The one-time password typed at sign-in is used as the current
 * one; after a reload, when the page no longer holds it, it is asked for.
 */
export function FirstPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [oneTime] = useState(takeOneTimePassword);
  const form = useFormState({ currentPassword: oneTime ?? '', newPassword: '', repeat: '' });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(ChangePasswordSchema, { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword });
    if (!input) return;
    if (form.values.repeat !== form.values.newPassword) {
      form.setFieldError('repeat', t('auth.passwordsDiffer'));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/auth/password', input);
      const me = await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => api.get<Me>('/api/auth/me'), staleTime: 0 });
      navigate(landingPath(me), { replace: true });
    } catch (err) {
      form.showServerError(err);
      setBusy(false);
    }
  }

  return (
    <Box mih="100dvh" bg="gray.0" px="sm" py="xl">
      <Center>
        <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={460}>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('accounts.firstTitle')}>
            <Stack>
              <Stack gap={4} align="center">
                <IconKey size={36} color="var(--mantine-color-red-7)" aria-hidden />
                <Title order={1} fz="h3">{t('accounts.firstTitle')}</Title>
              </Stack>
              <Alert color="blue" variant="light">
                <Text size="sm">{t('accounts.firstBody')}</Text>
              </Alert>
              <FormError message={form.formError} />
              {oneTime === null && <PasswordField label={t('accounts.oneTimePassword')} autoComplete="current-password" required {...form.text('currentPassword')} />}
              <PasswordField label={t('auth.newPassword')} description={t('auth.passwordRule')} autoComplete="new-password" required data-autofocus autoFocus {...form.text('newPassword')} />
              <PasswordField label={t('auth.repeatPassword')} autoComplete="new-password" required {...form.text('repeat')} />
              <Button type="submit" loading={busy} fullWidth size="md">
                {t('auth.savePassword')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
