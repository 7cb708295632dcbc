import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import type { Language } from '../i18n/index.ts';

/** The interface language, narrowed to the two that the labels of core/ and shared/ carry; re-renders when it changes. */
export function useLang(): Language {
  useTranslation();
  return currentLanguage();
}
