import type {
  CaseDepositability,
  DepositListFilter,
  LockerDeposit,
  LockerReadyCases,
} from '../../../common/contract';
import type { CompartmentSize, DepositId } from '../../../common/contract/lockerLabel';
import { clerkApi } from '../../app/clerkApi';
import { followEventOnceLoaded } from '../../app/followEvent';

const lockersApiBase = clerkApi.enhanceEndpoints({
  addTagTypes: ['LockerReadyCases', 'LockerDeposits', 'LockerDeposit'],
});

/**
 * The locker desk's channels (common/contract/lockers.ts). Main tells of every deposit change
 * (`lockers:depositChanged`: a state here, a sync, a pickup reported by the server) and of every
 * refresh of the ready cases; the lists follow both live.
 */
export const lockersApi = lockersApiBase.injectEndpoints({
  endpoints: (builder) => ({
    readyCases: builder.query<LockerReadyCases, void>({
      query: () => ({ channel: 'lockers:readyCases', payload: {} }),
      providesTags: ['LockerReadyCases'],
      onCacheEntryAdded: (_arg, lifecycle) =>
        followEventOnceLoaded('lockers:readyCasesChanged', lifecycle, () => {
          lifecycle.dispatch(lockersApiBase.util.invalidateTags(['LockerReadyCases']));
        }),
    }),
    refreshReadyCases: builder.mutation<LockerReadyCases, void>({
      query: () => ({ channel: 'lockers:refreshReadyCases', payload: {} }),
      invalidatesTags: ['LockerReadyCases'],
    }),
    checkCase: builder.mutation<CaseDepositability, string>({
      query: (caseNumber) => ({ channel: 'lockers:checkCase', payload: { caseNumber } }),
    }),
    prepareDeposit: builder.mutation<
      LockerDeposit,
      { caseId: string; compartmentSize: CompartmentSize }
    >({
      query: (payload) => ({ channel: 'lockers:prepare', payload }),
      invalidatesTags: ['LockerReadyCases', 'LockerDeposits'],
    }),
    depositInLocker: builder.mutation<LockerDeposit, DepositId>({
      query: (depositId) => ({ channel: 'lockers:deposit', payload: { depositId } }),
      invalidatesTags: ['LockerDeposits'],
    }),
    returnToOffice: builder.mutation<LockerDeposit, DepositId>({
      query: (depositId) => ({ channel: 'lockers:returnToOffice', payload: { depositId } }),
      invalidatesTags: ['LockerDeposits', 'LockerReadyCases'],
    }),
    deposit: builder.query<LockerDeposit, DepositId>({
      query: (depositId) => ({ channel: 'lockers:get', payload: { depositId } }),
      providesTags: (_result, _error, depositId) => [{ type: 'LockerDeposit', id: depositId }],
      onCacheEntryAdded: (depositId, lifecycle) =>
        followEventOnceLoaded('lockers:depositChanged', lifecycle, (deposit) => {
          if (deposit.depositId === depositId) lifecycle.updateCachedData(() => deposit);
        }),
    }),
    deposits: builder.query<LockerDeposit[], DepositListFilter>({
      query: (filter) => ({ channel: 'lockers:list', payload: { filter } }),
      transformResponse: (value: { deposits: LockerDeposit[] }) => value.deposits,
      providesTags: ['LockerDeposits'],
      onCacheEntryAdded: (_filter, lifecycle) =>
        followEventOnceLoaded('lockers:depositChanged', lifecycle, (deposit) => {
          // The row changes at once; the list is read again, as a change may move a deposit
          // into or out of it (expired, returned).
          lifecycle.updateCachedData((deposits) => {
            const index = deposits.findIndex((known) => known.depositId === deposit.depositId);
            if (index !== -1) deposits[index] = deposit;
          });
          lifecycle.dispatch(lockersApiBase.util.invalidateTags(['LockerDeposits']));
        }),
    }),
    markReady: builder.mutation<{ caseId: string; readyAt: string }, string>({
      query: (caseId) => ({ channel: 'lockers:markReady', payload: { caseId } }),
      invalidatesTags: ['LockerReadyCases'],
    }),
  }),
});

export const {
  useReadyCasesQuery,
  useRefreshReadyCasesMutation,
  useCheckCaseMutation,
  usePrepareDepositMutation,
  useDepositInLockerMutation,
  useReturnToOfficeMutation,
  useDepositQuery,
  useDepositsQuery,
  useMarkReadyMutation,
} = lockersApi;
