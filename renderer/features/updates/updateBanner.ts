import type { UpdateState } from '../../../common/contract';

/** What the banner shows for a state: nothing, a line, and whether "Install now" is offered. */
export type BannerView =
  | { kind: 'hidden' }
  | {
      kind: 'downloading' | 'ready' | 'not-supported' | 'installing';
      version: string;
      /** Offered while the update is ready; disabled (with the reason) during a visit or payment. */
      installButton: 'none' | 'enabled' | 'payment-in-progress' | 'visit-in-progress';
    };

export function bannerView(state: UpdateState | undefined): BannerView {
  const version = state?.downloaded ?? state?.available ?? null;
  if (!state || version === null || state.decision === 'none') return { kind: 'hidden' };
  if (state.reason === 'not-supported') {
    return { kind: 'not-supported', version, installButton: 'none' };
  }
  if (state.decision === 'install-now')
    return { kind: 'installing', version, installButton: 'none' };
  if (state.reason === 'downloading')
    return { kind: 'downloading', version, installButton: 'none' };
  const installButton =
    state.reason === 'payment-in-progress' || state.reason === 'visit-in-progress'
      ? state.reason
      : 'enabled';
  return { kind: 'ready', version, installButton };
}
