import { useTranslation } from 'react-i18next';
import type { SupervisorOverview } from '../../../common/contract/central/supervisor';
import { formatTimeOfDay } from '../queue/durations';
import { alertsNewestFirst, alertText } from './alertText';
import { SupervisorPanel } from './SupervisorPanel';

/** What needs the supervisor now, newest first; the severity in words as well as in colour. */
export function AlertsPanel({ overview }: { overview: SupervisorOverview }) {
  const { t, i18n } = useTranslation();
  const alerts = alertsNewestFirst(overview.alerts);
  return (
    <SupervisorPanel id="sv-alerts" title={`${t('supervisor.alerts.heading')} (${alerts.length})`}>
      {alerts.length === 0 ? (
        <p className="muted" data-testid="sv-alerts-none">
          {t('supervisor.alerts.none')}
        </p>
      ) : (
        <ol className="sv-alerts">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              className={`sv-alert sv-alert-${alert.severity}`}
              data-testid="sv-alert"
              data-kind={alert.kind}
            >
              <span className={`sv-severity sv-severity-${alert.severity}`}>
                {t(`supervisor.alerts.severity.${alert.severity}`)}
              </span>
              <span className="sv-alert-text">{alertText(t, alert, overview)}</span>
              <span className="muted small sv-alert-since">
                {t('supervisor.alerts.since', {
                  time: formatTimeOfDay(alert.since, i18n.language),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </SupervisorPanel>
  );
}
