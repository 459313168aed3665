import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../common/contract/central/reference';
import { MissingList } from './MissingList';

/**
 * What the printer gets (and only this: see assistantDesk.css): the case type, the date and the
 * missing documents with where to get each, in plain Polish whatever the screen's language.
 * Nothing about the resident: they are not named at the desk.
 */
export function PrintSheet(props: { caseType: CaseType; missing: CaseType['documents'] }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('pl');
  const date = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long' }).format(new Date());
  return (
    <div className="assistant-print-sheet" data-testid="assistant-print-sheet" lang="pl">
      <h1>{t('assistant.print.title')}</h1>
      <p>{t('assistant.print.caseType', { name: props.caseType.name })}</p>
      <p>{t('assistant.print.date', { date })}</p>
      {props.missing.length === 0 ? (
        <p>{t('assistant.print.none')}</p>
      ) : (
        <>
          <p>{t('assistant.print.intro')}</p>
          <MissingList
            missing={props.missing}
            t={t}
            whereKey="assistant.print.whereToGet"
            testId="assistant-print-list"
          />
        </>
      )}
      <p className="assistant-print-footer">{t('assistant.print.footer')}</p>
    </div>
  );
}
