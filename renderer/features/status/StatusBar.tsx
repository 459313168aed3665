import { useTranslation } from 'react-i18next';
import { useAppInfoQuery } from '../../app/clerkApi';

/** The foot of every window: whether the central server answers, and since when we know. */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const { data } = useAppInfoQuery();
  const central = data?.central;
  const state = central?.reachable == null ? 'checking' : central.reachable ? 'online' : 'offline';
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className={`status-dot status-${state}`} aria-hidden="true" />
      <span role="status" data-testid="central-status" data-state={state}>
        {t(`status.${state}`)}
      </span>
      {central?.checkedAt ? (
        <span className="status-muted">
          {t('status.lastCheck', {
            time: new Date(central.checkedAt).toLocaleTimeString(
              i18n.language === 'pl' ? 'pl-PL' : 'en-GB',
            ),
          })}
        </span>
      ) : null}
      {data ? <span className="status-version">Okienko {data.appVersion}</span> : null}
    </footer>
  );
}
