import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneTimePasswordAnswer } from '#shared/accounts.ts';
import type { UserSummary } from '#shared/users.ts';
import { api } from '../../api-client.ts';
import { formatDateTime } from '../../components/format.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorMessage } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';

/**
 * "Cấp mật khẩu dùng một lần": after a confirmation, the server gives the account a new one-time
 * password and shows it here once — to hand over or read out; the user must change it at the next
 * sign-in. Closing the dialog forgets it.
 */
export function OneTimePasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<OneTimePasswordAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function give() {
    setBusy(true);
    setError(null);
    try {
      setAnswer(await api.post<OneTimePasswordAnswer>(`/api/users/${user.id}/one-time-password`));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('accounts.oneTimeTitle', { name: user.username })}>
      <Stack gap="sm">
        <FormError message={error} />
        {answer ? (
          <>
            <Alert color="green" variant="light">
              <Stack gap={6}>
                <Text size="sm">{t('auth.username')}: <Code fz="md">{answer.username}</Code></Text>
                <Text size="sm">{t('accounts.oneTimePassword')}: <Code fz="lg" fw={700} data-testid="one-time-password">{answer.password}</Code></Text>
                <Text size="sm">{t('accounts.validUntil', { date: formatDateTime(answer.validUntil) })}</Text>
              </Stack>
            </Alert>
            <Text size="sm" c="dimmed">{t('accounts.oneTimeShownOnce')}</Text>
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('accounts.oneTimeWarning', { name: user.fullName ?? user.username })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button color="red" loading={busy} onClick={() => void give()}>{t('accounts.oneTimeGive')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </ResponsiveModal>
  );
}
