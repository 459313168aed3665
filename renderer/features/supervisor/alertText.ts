import type { TFunction } from 'i18next';
import type { Alert, SupervisorOverview } from '../../../common/contract/central/supervisor';

/** An alert in the supervisor's words, from its fields (the server's `detail` is for logs). */
export function alertText(t: TFunction, alert: Alert, overview: SupervisorOverview): string {
  const unknown = t('supervisor.alerts.unknownSubject');
  const category = overview.queues.find((queue) => queue.categoryId === alert.categoryId);
  return t(`supervisor.alerts.kinds.${alert.kind}`, {
    ticket: alert.ticketNumber ?? unknown,
    category: category?.name ?? alert.categoryId ?? unknown,
    counter: alert.counterNumber ?? unknown,
    terminal: alert.terminalId ?? unknown,
    target: overview.targetWaitMinutes,
    cutoff: overview.forecast.cutoff,
  });
}

/** Newest first: the supervisor reads what just began at the top. */
export function alertsNewestFirst(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => Date.parse(b.since) - Date.parse(a.since));
}
