import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../common/contract/central/payments';
import type {
  ReconciliationStatus,
  SupervisorOverview,
  TerminalTotals,
} from '../../../common/contract/central/supervisor';
import { formatMoney } from '../../../common/domain/money';
import { formatTimeOfDay } from '../queue/durations';
import { SupervisorPanel } from './SupervisorPanel';
import { SupervisorTable } from './SupervisorTable';

/** Today's payments per terminal and per method, and whether the end of day reconciles. */
export function PaymentsPanel({ overview }: { overview: SupervisorOverview }) {
  const { t, i18n } = useTranslation();
  const { payments } = overview;
  const money = (grosze: number) => formatMoney(grosze, i18n.language === 'en' ? 'en' : 'pl');
  const byMethod = (methods: TerminalTotals['methods'], method: PaymentMethod) =>
    methods.find((total) => total.method === method)?.totalGrosze ?? 0;
  const terminalName = (terminal: TerminalTotals) =>
    terminal.terminalId ?? t('supervisor.payments.noTerminal');
  const status = (value: ReconciliationStatus) => t(`supervisor.payments.statuses.${value}`);
  const endOfDay = (terminal: TerminalTotals) =>
    terminal.endOfDayAt
      ? t('supervisor.payments.statusAt', {
          status: status(terminal.endOfDay),
          time: formatTimeOfDay(terminal.endOfDayAt, i18n.language),
        })
      : status(terminal.endOfDay);
  const headers = [
    t('supervisor.payments.terminal'),
    t('supervisor.payments.counter'),
    t('supervisor.payments.card'),
    t('supervisor.payments.blik'),
    t('supervisor.payments.total'),
    t('supervisor.payments.endOfDay'),
  ];
  const row = (terminal: TerminalTotals) => [
    terminalName(terminal),
    terminal.counterNumber ?? '—',
    money(byMethod(terminal.methods, 'card')),
    money(byMethod(terminal.methods, 'blik')),
    money(terminal.totalGrosze),
    endOfDay(terminal),
  ];

  if (!payments.available) {
    return (
      <SupervisorPanel id="sv-payments" title={t('supervisor.payments.heading')}>
        <p className="muted">{t('supervisor.payments.unavailable')}</p>
      </SupervisorPanel>
    );
  }
  return (
    <SupervisorPanel
      id="sv-payments"
      title={t('supervisor.payments.heading')}
      csv={{
        table: t('supervisor.payments.heading'),
        fileName: `platnosci-${overview.day}.csv`,
        build: () => ({ headers, rows: payments.terminals.map(row) }),
      }}
    >
      <dl className="sv-figures sv-figures-compact">
        <div className="sv-figure">
          <dt>{t('supervisor.payments.dayTotal')}</dt>
          <dd data-testid="sv-payments-total">{money(payments.totalGrosze)}</dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.payments.card')}</dt>
          <dd>{money(byMethod(payments.methods, 'card'))}</dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.payments.blik')}</dt>
          <dd>{money(byMethod(payments.methods, 'blik'))}</dd>
        </div>
        <div className="sv-figure">
          <dt>{t('supervisor.payments.reconciliation')}</dt>
          <dd>
            <span className={`sv-reconciliation sv-reconciliation-${payments.reconciliation}`}>
              {status(payments.reconciliation)}
            </span>
          </dd>
        </div>
      </dl>
      <SupervisorTable
        caption={t('supervisor.payments.caption')}
        headers={headers}
        items={payments.terminals}
        none={t('supervisor.payments.none')}
        row={(terminal) => {
          const [name, counter, card, blik, total] = row(terminal);
          return (
            <tr key={terminal.terminalId ?? 'none'}>
              <th scope="row">{name}</th>
              <td className="sv-num">{counter}</td>
              <td className="sv-num sv-money">{card}</td>
              <td className="sv-num sv-money">{blik}</td>
              <td className="sv-num sv-money sv-strong">{total}</td>
              <td>
                <span className={`sv-reconciliation sv-reconciliation-${terminal.endOfDay}`}>
                  {endOfDay(terminal)}
                </span>
              </td>
            </tr>
          );
        }}
      />
    </SupervisorPanel>
  );
}
