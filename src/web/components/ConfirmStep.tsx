import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What will happen, in words the user can check. */
  children: ReactNode;
  confirmLabel: string;
  loading: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** The second step of a destructive action: says what will happen and asks once more. */
export function ConfirmStep({ children, confirmLabel, loading, onConfirm, onBack }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('common.confirmTitle')}>
        <Text size="sm" component="div">
          {children}
        </Text>
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack} disabled={loading}>
          {t('common.back')}
        </Button>
        <Button color="red" onClick={onConfirm} loading={loading} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
