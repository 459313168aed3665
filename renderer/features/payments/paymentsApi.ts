import type {
  CasePayments,
  ChannelRequest,
  ChannelResponse,
  PaymentRecord,
  TerminalState,
} from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';
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
      async onCacheEntryAdded(
        _arg,
        { updateCachedData, cacheDataLoaded, cacheEntryRemoved, dispatch },
      ) {
        let missed = false;
        let loaded = false;
        const stop = window.clerk.on('payments:terminalChanged', (state) => {
          if (!loaded) {
            missed = true;
            return;
          }
          updateCachedData(() => state);
        });
        try {
          await cacheDataLoaded;
          loaded = true;
          if (missed) dispatch(paymentsApiBase.util.invalidateTags(['Terminal']));
        } catch {
          // The entry went away before it loaded (or main refused: shown by the query's error).
        }
        await cacheEntryRemoved;
        stop();
      },
    }),
    casePayments: builder.query<CasePayments, string>({
      query: (caseId) => ({ channel: 'payments:forCase', payload: { caseId } }),
      providesTags: (_result, _error, caseId) => [{ type: 'CasePayments', id: caseId }],
      async onCacheEntryAdded(
        caseId,
        { updateCachedData, cacheDataLoaded, cacheEntryRemoved, dispatch },
      ) {
        let missed = false;
        let loaded = false;
        const stop = window.clerk.on('payments:changed', (record) => {
          if (record.caseId !== caseId) return;
          if (!loaded) {
            missed = true;
            return;
          }
          updateCachedData((draft) => upsert(draft.payments, record));
          // Paid and due are main's to count; read them again once the payment has ended.
          if (isFinalStatus(record.status)) {
            dispatch(paymentsApiBase.util.invalidateTags([{ type: 'CasePayments', id: caseId }]));
          }
        });
        try {
          await cacheDataLoaded;
          loaded = true;
          if (missed) {
            dispatch(paymentsApiBase.util.invalidateTags([{ type: 'CasePayments', id: caseId }]));
          }
        } catch {
          // The entry went away before it loaded.
        }
        await cacheEntryRemoved;
        stop();
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
      async onCacheEntryAdded(_arg, { cacheDataLoaded, cacheEntryRemoved, dispatch }) {
        await cacheDataLoaded.catch(() => undefined);
        // A payment that ends, or one settled by hand, may join or leave the list.
        const stop = window.clerk.on('payments:changed', (record) => {
          if (isFinalStatus(record.status)) {
            dispatch(paymentsApiBase.util.invalidateTags(['Reconciliation']));
          }
        });
        await cacheEntryRemoved;
        stop();
      },
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
