import { useTranslation } from 'react-i18next';
import type { QueuePanel } from '../../../common/contract';

/**
 * Says plainly when the queue cannot be used, and what to do instead. A refusal is worded for
 * the clerk by its code; the server's own words follow, small, for whoever they call for help.
 */
export function OfflineBanner({ panel }: { panel: QueuePanel }) {
  const { t, i18n } = useTranslation();
  if (panel.link === 'online' || panel.link === 'idle') return null;
  const refusalKey = `queue.errors.${panel.problemCode ?? 'refused'}`;
  const [heading, text] =
    panel.link === 'offline'
      ? [t('queue.offline.heading'), t('queue.offline.text')]
      : panel.link === 'offline-session'
        ? [t('queue.offline.sessionHeading'), t('queue.offline.sessionText')]
        : [
            t('queue.offline.refusedHeading'),
            panel.problemCode && panel.problemCode !== 'refused' && i18n.exists(refusalKey)
              ? String(t(refusalKey as never))
              : t('queue.offline.refusedText'),
          ];
  return (
    <div className="queue-banner" role="alert" data-testid="queue-offline" data-link={panel.link}>
      <strong>{heading}</strong>
      <span>{text}</span>
      {panel.link === 'refused' && panel.problem ? (
        <span className="muted small">{panel.problem}</span>
      ) : null}
    </div>
  );
}
