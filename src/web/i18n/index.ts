import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'trienkhai.language';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * Makes sure a language's texts are loaded. Vietnamese is in the first page's bundle; English is
 * fetched on demand, so most users never download it (the first page stays under its size budget,
 * docs/performance.md).
 */
async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'vi' || i18n.hasResourceBundle(lang, 'translation')) return;
  const en = (await import('./en.json')).default;
  i18n.addResourceBundle('en', 'translation', en);
}

/** Switches the interface language and remembers the choice on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
}

/** The current language, narrowed to the ones the app has. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

i18n.on('languageChanged', (lng) => {
  // The pure logic tests load the texts in Node, where there is no document.
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

// A device that chose English gets it as soon as its texts arrive (the first paint may be Vietnamese).
if (storedLanguage() === 'en') void setLanguage('en');

export default i18n;
