import { useTranslation } from 'react-i18next';
import { useEnrolmentStateQuery } from './enrolmentApi';

/**
 * For the info panel (F12): where this PC's settings come from, and whether the central server
 * has changed them since the app started (they apply at the next start).
 */
export function CentralSettingsNote() {
  const { t, i18n } = useTranslation();
  const { data } = useEnrolmentStateQuery();
  if (!data || data.phase !== 'enrolled') return null;
  const { centralSettings } = data;
  return (
    <section aria-labelledby="central-settings-heading" data-testid="central-settings">
      <h3 id="central-settings-heading">{t('enrolment.info.heading')}</h3>
      <p>
        {centralSettings.fetchedAt
          ? t('enrolment.info.fetchedAt', {
              at: new Date(centralSettings.fetchedAt).toLocaleString(i18n.language),
            })
          : t('enrolment.info.never')}
      </p>
      {centralSettings.changedSinceStart ? (
        <p role="status" className="warning" data-testid="central-settings-pending">
          {t('enrolment.info.pending')}
        </p>
      ) : null}
      {centralSettings.problem ? (
        <p className="error">{t('enrolment.info.problem', { problem: centralSettings.problem })}</p>
      ) : null}
      <p>{t('enrolment.info.identity', { location: data.identityStorage.location })}</p>
      {data.identityStorage.warning ? (
        <p className="warning">{data.identityStorage.warning}</p>
      ) : null}
    </section>
  );
}
