import type { ChannelHandlers } from '../ipc/ipcDispatcher';
import type { PaymentService } from './session/paymentService';

export type PaymentsChannel = Extract<keyof ChannelHandlers, `payments:${string}`>;

/** The counter window's payment channels (docs/ipc.md, docs/payment-terminal.md §8). */
export function paymentsChannelHandlers(
  payments: PaymentService,
): Pick<ChannelHandlers, PaymentsChannel> {
  return {
    'payments:terminal': () => payments.terminal(),
    'payments:start': (request) => payments.start(request),
    'payments:cancel': ({ paymentId }) => payments.cancel(paymentId),
    'payments:get': ({ paymentId }) => payments.get(paymentId),
    'payments:forCase': ({ caseId }) => payments.forCase(caseId),
    'payments:reconciliation': () => ({ payments: payments.reconciliation() }),
    'payments:settle': (request) => payments.settle(request),
    'payments:reverse': (request) => payments.reverse(request),
    'payments:endOfDay': () => payments.endOfDay(),
  };
}
