import { useTranslation } from 'react-i18next';
import { localeSchema } from '../../common/contract';
import { chooseLanguage } from '../app/i18n';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span>{t('app.language')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          const language = localeSchema.safeParse(event.target.value);
          if (language.success) chooseLanguage(language.data);
        }}
      >
        {localeSchema.options.map((language) => (
          <option key={language} value={language}>
            {t(`app.languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
