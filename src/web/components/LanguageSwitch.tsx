import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';
import { useLang } from './use-lang.ts';

/** VI / EN, remembered on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SegmentedControl
      aria-label={t('shell.language')}
      size="xs"
      value={lang}
      onChange={(v) => void setLanguage(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: <span lang="vi" aria-label="Tiếng Việt">VI</span> },
        { value: 'en', label: <span lang="en" aria-label="English">EN</span> },
      ]}
    />
  );
}
