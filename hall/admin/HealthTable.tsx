import type {
  WorkstationHealth,
  WorkstationsHealth,
} from '../../common/contract/central/workstationStatus';
import { formatDuration, formatInstant, secondsBetween } from './healthFormat';
import type { HealthStrings } from './healthStrings';

/**
 * Every workstation, one row each: a row with a problem is marked (and says which in words, not
 * by colour alone). Everything shown is text React escapes: nothing the PCs report is markup.
 */
export function HealthTable({ health, t }: { health: WorkstationsHealth; t: HealthStrings }) {
  if (health.workstations.length === 0) return <p>{t.none}</p>;
  const c = t.columns;
  return (
    <div className="health-table-wrap">
      <table className="health-table" data-testid="health-table">
        <thead>
          <tr>
            <th scope="col">{c.workstation}</th>
            <th scope="col">{c.site}</th>
            <th scope="col">{c.counter}</th>
            <th scope="col">{c.version}</th>
            <th scope="col">{c.lastSeen}</th>
            <th scope="col">{c.sync}</th>
            <th scope="col">{c.terminal}</th>
            <th scope="col">{c.printer}</th>
            <th scope="col">{c.clerk}</th>
            <th scope="col">{c.problems}</th>
          </tr>
        </thead>
        <tbody>
          {health.workstations.map((row) => (
            <HealthRow key={row.workstationId} row={row} now={health.now} t={t} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HealthRow({ row, now, t }: { row: WorkstationHealth; now: string; t: HealthStrings }) {
  const { report } = row;
  const has = (problem: WorkstationHealth['problems'][number]) => row.problems.includes(problem);
  return (
    <tr
      className={row.problems.length > 0 ? 'health-row-problem' : undefined}
      data-testid={`health-row-${row.workstationId}`}
    >
      <th scope="row">{row.workstationId}</th>
      <td>{row.siteId}</td>
      <td data-testid="health-counter">{row.counterNumber ?? t.noCounter}</td>
      <td data-testid="health-version">
        {report ? (
          <>
            {report.appVersion}
            <small>{t.startedAt(formatInstant(report.startedAt))}</small>
          </>
        ) : (
          '—'
        )}
      </td>
      <td className={has('not-seen') || has('never-seen') ? 'health-bad' : undefined}>
        {row.lastSeenAt ? (
          <>
            {formatInstant(row.lastSeenAt)}
            {has('not-seen') ? (
              <small>{t.notSeenFor(formatDuration(row.notSeenSeconds ?? 0))}</small>
            ) : null}
          </>
        ) : (
          t.neverSeen
        )}
      </td>
      <td className={has('sync-behind') || has('outbox-failed') ? 'health-bad' : undefined}>
        {report ? (
          <>
            {t.pending(report.outbox.pending)}
            {report.outbox.oldestPendingSeconds !== null ? (
              <small>{t.oldestPending(formatDuration(report.outbox.oldestPendingSeconds))}</small>
            ) : null}
            {report.outbox.failed > 0 ? <small>{t.failed(report.outbox.failed)}</small> : null}
            <small>
              {report.lastSyncAt ? t.lastSync(formatInstant(report.lastSyncAt)) : t.neverSynced}
            </small>
          </>
        ) : (
          '—'
        )}
      </td>
      <td
        className={
          has('terminal-offline') || has('payments-to-reconcile') ? 'health-bad' : undefined
        }
        data-testid="health-terminal"
      >
        {report ? (
          report.terminal ? (
            <>
              {t.terminal[report.terminal.connection]}
              {report.terminal.terminalId ? ` (${report.terminal.terminalId})` : ''}
              <small>
                {t.since(formatInstant(report.terminal.since))} ·{' '}
                {formatDuration(secondsBetween(report.terminal.since, now))}
              </small>
              {report.paymentsAwaitingReconciliation.count > 0 ? (
                <small>{t.toReconcile(report.paymentsAwaitingReconciliation.count)}</small>
              ) : null}
            </>
          ) : (
            t.terminal.none
          )
        ) : (
          '—'
        )}
      </td>
      <td
        className={has('printer-offline') ? 'health-bad' : undefined}
        data-testid="health-printer"
      >
        {report ? (
          report.printer ? (
            <>
              {t.printer[report.printer.state]}
              <small>{t.since(formatInstant(report.printer.since))}</small>
            </>
          ) : (
            t.printer.none
          )
        ) : (
          '—'
        )}
      </td>
      <td data-testid="health-clerk">{report ? (report.clerkLogin ?? t.noClerk) : '—'}</td>
      <td data-testid="health-problems">
        {row.problems.length > 0
          ? row.problems.map((problem) => t.problems[problem]).join(', ')
          : t.allWell}
      </td>
    </tr>
  );
}
