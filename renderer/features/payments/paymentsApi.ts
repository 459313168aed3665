import type {
  CasePayments,
  ChannelRequest,
  ChannelResponse,
  PaymentRecord,
  TerminalState,
} from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
import { followEventFromStart, followEventOnceLoaded } from '../../app/followEvent';
import { isFinalStatus } from './paymentStatus';

const paymentsApiBase = clerkApi.enhanceEndpoints({
  addTagTypes: ['Terminal', 'CasePayments', 'Reconciliation'],
});

/** Puts a payment's newest state into a list, in place or at the end. */
function upsert(payments: PaymentRecord[], record: PaymentRecord): void {
  const index = payments.findIndex((payment) => payment.paymentId === record.paymentId);
  if (index === -1) payments.push(record);
  else payments[index] = record;
}

/**
 * The payment terminal's channels (common/contract/payments.ts). The terminal's state and a
 * case's payments are read once, then followed live: `payments:terminalChanged` replaces the
 * state, `payments:changed` puts the payment's new status in its case (the live status the
 * clerk reads); when a payment ends, the case's totals are read again from main.
 */
export const paymentsApi = paymentsApiBase.injectEndpoints({
  endpoints: (builder) => ({
    terminalState: builder.query<TerminalState, void>({
      query: () => ({ channel: 'payments:terminal', payload: {} }),
      providesTags: ['Terminal'],
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventFromStart('payments:terminalChanged', lifecycle, {
          apply: (state) => lifecycle.updateCachedData(() => state),
          missed: () => lifecycle.dispatch(paymentsApiBase.util.invalidateTags(['Terminal'])),
        }),
    }),
    casePayments: builder.query<CasePayments, string>({
      query: (caseId) => ({ channel: 'payments:forCase', payload: { caseId } }),
      providesTags: (_result, _error, caseId) => [{ type: 'CasePayments', id: caseId }],
      onCacheEntryAdded: (caseId, lifecycle) => {
        const readAgain = () =>
          lifecycle.dispatch(
            paymentsApiBase.util.invalidateTags([{ type: 'CasePayments', id: caseId }]),
          );
        return followEventFromStart('payments:changed', lifecycle, {
          concerns: (record) => record.caseId === caseId,
          apply: (record) => {
            lifecycle.updateCachedData((draft) => upsert(draft.payments, record));
            // Paid and due are main's to count; read them again once the payment has ended.
            if (isFinalStatus(record.status)) readAgain();
          },
          missed: readAgain,
        });
      },
    }),
    startPayment: builder.mutation<PaymentRecord, ChannelRequest<'payments:start'>>({
      query: (payload) => ({ channel: 'payments:start', payload }),
      async onQueryStarted({ caseId }, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.catch(() => null);
        if (!answer) return;
        dispatch(
          paymentsApi.util.updateQueryData('casePayments', caseId, (draft) => {
            // An event may have brought a newer state of it already: keep that one.
            if (!draft.payments.some((payment) => payment.paymentId === answer.data.paymentId)) {
              draft.payments.push(answer.data);
            }
          }),
        );
      },
    }),
    cancelPayment: builder.mutation<PaymentRecord, string>({
      query: (paymentId) => ({ channel: 'payments:cancel', payload: { paymentId } }),
    }),
    reconciliation: builder.query<PaymentRecord[], void>({
      query: () => ({ channel: 'payments:reconciliation', payload: {} }),
      transformResponse: (value: ChannelResponse<'payments:reconciliation'>) => value.payments,
      providesTags: ['Reconciliation'],
      // A payment that ends, or one settled by hand, may join or leave the list.
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventOnceLoaded('payments:changed', lifecycle, (record) => {
          if (isFinalStatus(record.status)) {
            lifecycle.dispatch(paymentsApiBase.util.invalidateTags(['Reconciliation']));
          }
        }),
    }),
    settlePayment: builder.mutation<PaymentRecord, ChannelRequest<'payments:settle'>>({
      query: (payload) => ({ channel: 'payments:settle', payload }),
      invalidatesTags: (result) => [
        'Reconciliation',
        ...(result?.caseId ? [{ type: 'CasePayments' as const, id: result.caseId }] : []),
      ],
    }),
    reversePayment: builder.mutation<PaymentRecord, ChannelRequest<'payments:reverse'>>({
      query: (payload) => ({ channel: 'payments:reverse', payload }),
    }),
    endOfDay: builder.mutation<ChannelResponse<'payments:endOfDay'>, void>({
      query: () => ({ channel: 'payments:endOfDay', payload: {} }),
    }),
  }),
});

export const {
  useTerminalStateQuery,
  useCasePaymentsQuery,
  useStartPaymentMutation,
  useCancelPaymentMutation,
  useReconciliationQuery,
  useSettlePaymentMutation,
  useReversePaymentMutation,
  useEndOfDayMutation,
} = paymentsApi;
