import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../common/contract';
import { en } from './locales/en';
import { pl } from './locales/pl';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof pl };
  }
}

const CHOSEN_LANGUAGE_KEY = 'okienko.language';

/** Polish unless this window's user chose English before. */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { pl: { translation: pl }, en: { translation: en } },
    lng: chosenLanguage() ?? 'pl',
    fallbackLng: 'pl',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18n;
}

export function chosenLanguage(): Locale | null {
  const stored = localStorage.getItem(CHOSEN_LANGUAGE_KEY);
  return stored === 'pl' || stored === 'en' ? stored : null;
}

export function chooseLanguage(language: Locale): void {
  localStorage.setItem(CHOSEN_LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
}
