import { Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { LoginSchema } from '#shared/auth.ts';
import { api, setCsrfToken } from '../../api-client.ts';
import { FormError } from '../../components/FormError.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { ME_KEY } from '../../components/use-me.ts';
import { holdOneTimePassword } from '../../components/one-time-password.ts';
import { PasswordField } from '../../components/PasswordField.tsx';

/**
 * Only paths of this app: never send a user to another site after signing in. Without a page to go
 * back to, "/" sends the user to their own landing page (components/landing.ts).
 */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const form = useFormState({ username: '', password: '' });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(LoginSchema, form.values);
    if (!input) return;
    setBusy(true);
    try {
      const out = await api.post<{ userId: string; csrfToken: string; mustChangePassword: boolean }>('/api/auth/login', input);
      setCsrfToken(out.csrfToken);
      queryClient.removeQueries({ queryKey: ME_KEY });
      // A one-time password: the next page asks only for the new one, then lands by the landing rule.
      holdOneTimePassword(out.mustChangePassword ? input.password : null);
      navigate(out.mustChangePassword ? '/' : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      form.showServerError(err);
      setBusy(false);
    }
  }

  return (
    <Box mih="100dvh" bg="gray.0" px="sm" py="xl">
      <Group justify="flex-end" maw={420} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="xs" align="center" mb="lg">
            <IconFlag size={40} color="var(--mantine-color-red-7)" aria-hidden />
            <Title order={1} fz="h2" c="red.8">{t('app.name')}</Title>
            <Text c="dimmed" ta="center" size="sm">{t('app.tagline')}</Text>
          </Stack>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('auth.loginTitle')}>
            <Stack>
              <Title order={2} fz="h4">
                {t('auth.loginTitle')}
              </Title>
              <FormError message={form.formError} />
              <TextInput label={t('auth.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} required data-autofocus autoFocus {...form.text('username')} />
              <PasswordField label={t('auth.password')} autoComplete="current-password" required {...form.text('password')} />
              <Button type="submit" loading={busy} fullWidth size="lg" mt="xs">
                {t('auth.login')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
