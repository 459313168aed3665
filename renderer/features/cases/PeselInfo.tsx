import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePesel } from '../../../common/domain/pesel';
import { CaseIssuesContext } from './caseFieldIssues';
import { formatCivilDateLong } from './caseFormat';

/**
 * What a PESEL says as it is typed: how many digits are in, then (once all 11 are and the
 * check digit matches) the birth date and sex read from it, so nobody types them again. A
 * complete number that fails shows why at once, before the clerk moves on.
 */
export function PeselInfo({ value, path }: { value: string; path: string }) {
  const { t, i18n } = useTranslation();
  // After a submit the field's own error names the same problem: say it once.
  const reported = useContext(CaseIssuesContext).has(path);
  const digits = value.trim();
  if (digits === '') return null;
  if (digits.length < 11 && /^\d*$/.test(digits)) {
    return <span>{t('cases.person.peselTyping', { count: digits.length })}</span>;
  }
  const checked = validatePesel(digits);
  if (!checked.ok) {
    if (reported) return null;
    return (
      <span className="case-pesel-bad" data-testid="case-pesel-problem">
        {t(`cases.issues.codes.pesel-${checked.reason}`)}
      </span>
    );
  }
  return (
    <dl className="case-pesel-read" data-testid="case-pesel-read">
      <div>
        <dt>{t('cases.person.birthDate')}</dt>
        <dd data-testid="case-pesel-birth-date">
          {formatCivilDateLong(checked.birthDate, i18n.language)}
        </dd>
      </div>
      <div>
        <dt>{t('cases.person.sex')}</dt>
        <dd data-testid="case-pesel-sex">{t(`cases.person.sexes.${checked.sex}`)}</dd>
      </div>
    </dl>
  );
}
