import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

/** VI / EN, remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('shell.language')}
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => void setLanguage(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: <span lang="vi" aria-label="Tiếng Việt">VI</span> },
        { value: 'en', label: <span lang="en" aria-label="English">EN</span> },
      ]}
    />
  );
}
