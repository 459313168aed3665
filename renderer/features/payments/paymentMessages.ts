import type { TFunction } from 'i18next';
import type {
  CasePayments,
  IpcError,
  PaymentRecord,
  TerminalState,
} from '../../../common/contract';
import { formatMoney, type MoneyLocale } from '../../../common/domain/money';

/** The key that opens the "Terminal" window (reconciliation, end of day). */
export const TERMINAL_DIALOG_KEY = 'Ctrl+Shift+P';

const KNOWN_ERRORS = new Set([
  'no-session',
  'unknown-case',
  'amount-exceeds-due',
  'terminal-disconnected',
  'terminal-busy',
  'needs-reconciliation-first',
  'unknown-payment',
  'too-late',
  'not-awaiting-reconciliation',
  'not-reversible',
  'after-end-of-day',
]);

/** A refusal of a payments channel in the clerk's words; anything else shows main's message. */
export function paymentsErrorText(t: TFunction, error: Pick<IpcError, 'code' | 'message'>): string {
  return KNOWN_ERRORS.has(error.code)
    ? String(t(`payments.errors.${error.code}` as never, { key: TERMINAL_DIALOG_KEY } as never))
    : t('payments.errors.other', { message: error.message });
}

/** What the terminal is doing now, for the clerk to read (and say) while the resident pays. */
export function liveStatusText(t: TFunction, record: PaymentRecord): string {
  if (record.prompt) return t(`payments.prompt.${record.prompt}`);
  switch (record.status) {
    case 'prepared':
    case 'sent':
    case 'in-progress':
    case 'reversing':
      return t(`payments.status.${record.status}`);
    default:
      return '';
  }
}

/**
 * The outcome in words a clerk can repeat to the resident: money taken, nothing taken (and why),
 * or unknown: do not retry, check the printout. Null while the payment runs.
 */
export function resultText(t: TFunction, record: PaymentRecord, money: MoneyLocale): string | null {
  switch (record.status) {
    case 'approved':
      return t('payments.result.approved', { amount: formatMoney(record.amountGrosze, money) });
    case 'declined':
      return t('payments.result.declined', {
        reason: record.resultText?.trim() || t('payments.result.declinedNoReason'),
      });
    case 'cancelled':
    case 'failed':
    case 'reversed':
      return t(`payments.result.${record.status}`);
    case 'needs-reconciliation':
      return t('payments.result.needs-reconciliation', { key: TERMINAL_DIALOG_KEY });
    default:
      return null;
  }
}

/** The terminal's state before the clerk tries: ready, busy or unplugged. */
export function terminalText(t: TFunction, state: TerminalState | undefined): string {
  if (!state) return t('payments.terminal.unknown');
  return t(`payments.terminal.${state.connection}`);
}

/** Paid / partly paid / to pay / free, with the amounts. */
export function caseStateText(t: TFunction, payments: CasePayments, money: MoneyLocale): string {
  return t(`payments.caseState.${payments.state}`, {
    paid: formatMoney(payments.paidGrosze, money),
    due: formatMoney(payments.dueGrosze, money),
  });
}
