import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../common/contract';
import { CentralSettingsNote } from '../enrolment/CentralSettingsNote';
import { SendDiagnostics } from '../diagnostics/SendDiagnostics';
import { useReferenceList } from '../reference/referenceApi';

/** What this PC is and runs: for the clerk who calls IT, and for IT who asks. */
export function AppInfoPanel({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { config } = info;
  const sites = useReferenceList('site');
  const rows: [string, string, string][] = [
    ['app-version', t('info.appVersion'), info.appVersion],
    ['schema-version', t('info.schemaVersion'), String(info.schemaVersion)],
    ['host', t('info.host'), t(`info.hosts.${info.host}`)],
    // The site's name from the cached reference data; its id until the first pull has arrived.
    [
      'site',
      t('info.site'),
      sites?.find((site) => site.id === config.site.id)?.name ?? config.site.id,
    ],
    ['counter', t('info.counter'), String(config.counter.number)],
    [
      'central',
      t('info.central'),
      config.central.mode === 'remote'
        ? `${t('info.centralModes.remote')}: ${config.central.url}`
        : `${t('info.centralModes.embedded')}${info.central.url ? `: ${info.central.url}` : ''}`,
    ],
    ['terminal', t('info.terminal'), t(`info.devices.${config.terminal.kind}`)],
    ['printer', t('info.printer'), t(`info.devices.${config.printer.kind}`)],
    ['data-dir', t('info.dataDir'), info.dataDir],
  ];
  return (
    <section className="panel" aria-labelledby="app-info-heading">
      <h2 id="app-info-heading">{t('info.heading')}</h2>
      <dl className="facts">
        {rows.map(([id, label, value]) => (
          <div key={id} className="fact">
            <dt>{label}</dt>
            <dd data-testid={`info-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <CentralSettingsNote />
      <SendDiagnostics />
    </section>
  );
}
