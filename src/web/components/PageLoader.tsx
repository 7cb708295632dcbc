import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner while a page or its data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
