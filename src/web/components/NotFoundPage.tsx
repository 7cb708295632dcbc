import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<IconMapOff size={40} aria-hidden />} title={t('errors.notFoundTitle')} description={t('errors.notFoundBody')} py="xl">
      <EmptyState.Actions>
        <Button component={Link} to="/units">
          {t('nav.tree')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
