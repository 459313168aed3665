import { useTranslation } from 'react-i18next';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import { SupervisorPanel } from './SupervisorPanel';

/** The document locker (urzędomat): today's deposits, those expiring, those past the deadline. */
export function LockerPanel({ overview }: { overview: SupervisorOverview }) {
  const { t } = useTranslation();
  const { locker } = overview;
  return (
    <SupervisorPanel id="sv-locker" title={t('supervisor.locker.heading')}>
      {locker.available ? (
        <dl className="sv-figures sv-figures-compact">
          <div className="sv-figure">
            <dt>{t('supervisor.locker.depositsToday')}</dt>
            <dd>{locker.depositsToday}</dd>
          </div>
          <div className="sv-figure">
            <dt>{t('supervisor.locker.expiringSoon')}</dt>
            <dd className={locker.expiringSoon > 0 ? 'sv-warn-text' : undefined}>
              {locker.expiringSoon}
            </dd>
          </div>
          <div className="sv-figure">
            <dt>{t('supervisor.locker.expired')}</dt>
            <dd className={locker.expired > 0 ? 'sv-bad-text' : undefined}>{locker.expired}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('supervisor.locker.unavailable')}</p>
      )}
    </SupervisorPanel>
  );
}
