import type { ChannelResponse, DiagnosticsPreview } from '../../../common/contract';
import { clerkApi } from '../../app/clerkApi';

/** "Send diagnostics" (docs/logs.md): what would go, and sending it. */
export const diagnosticsApi = clerkApi.injectEndpoints({
  endpoints: (builder) => ({
    diagnosticsPreview: builder.query<DiagnosticsPreview, void>({
      query: () => ({ channel: 'diagnostics:preview', payload: {} }),
      keepUnusedDataFor: 0,
    }),
    sendDiagnostics: builder.mutation<ChannelResponse<'diagnostics:send'>, void>({
      query: () => ({ channel: 'diagnostics:send', payload: {} }),
    }),
  }),
});

export const { useLazyDiagnosticsPreviewQuery, useSendDiagnosticsMutation } = diagnosticsApi;
