import { Modal } from '@mantine/core';
import type { ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** A modal that fills the screen on phones, where a floating dialog leaves no room to type. */
export function ResponsiveModal(props: ModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 30em)');
  return <Modal size="lg" fullScreen={!!phone} closeButtonProps={{ 'aria-label': t('common.close') }} styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }} {...props} />;
}
