import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and submit buttons at the foot of a dialog form. */
export function FormActions({ submitLabel, loading, onCancel, color }: { submitLabel: string; loading?: boolean; onCancel: () => void; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel} disabled={loading}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={color}>
        {submitLabel}
      </Button>
    </Group>
  );
}
