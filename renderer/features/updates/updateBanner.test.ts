import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../common/contract';
import { updatesEn, updatesPl } from './updatesLocale';
import { bannerView } from './updateBanner';

const ready: UpdateState = {
  support: 'supported',
  current: '1.1.0',
  available: '1.2.0',
  downloaded: '1.2.0',
  decision: 'ask-clerk',
  reason: 'service-hours',
  checkedAt: '2026-11-27T10:00:00.000Z',
  problem: null,
};

describe('the update banner', () => {
  it('shows nothing without a newer version', () => {
    expect(bannerView(undefined)).toEqual({ kind: 'hidden' });
    expect(
      bannerView({
        ...ready,
        available: null,
        downloaded: null,
        decision: 'none',
        reason: 'no-update',
      }),
    ).toEqual({ kind: 'hidden' });
  });

  it('offers "Install now" when the update is ready, disabled during a payment or a visit', () => {
    expect(bannerView(ready)).toEqual({
      kind: 'ready',
      version: '1.2.0',
      installButton: 'enabled',
    });
    expect(bannerView({ ...ready, decision: 'wait', reason: 'payment-in-progress' })).toMatchObject(
      {
        kind: 'ready',
        installButton: 'payment-in-progress',
      },
    );
    expect(bannerView({ ...ready, decision: 'wait', reason: 'visit-in-progress' })).toMatchObject({
      installButton: 'visit-in-progress',
    });
  });

  it('offers no button while downloading, installing, or on a host that cannot install', () => {
    expect(
      bannerView({ ...ready, downloaded: null, decision: 'wait', reason: 'downloading' }),
    ).toEqual({ kind: 'downloading', version: '1.2.0', installButton: 'none' });
    expect(bannerView({ ...ready, decision: 'install-now', reason: 'clerk-agreed' })).toMatchObject(
      {
        kind: 'installing',
        installButton: 'none',
      },
    );
    expect(
      bannerView({
        ...ready,
        support: 'not-supported',
        downloaded: null,
        decision: 'wait',
        reason: 'not-supported',
      }),
    ).toMatchObject({ kind: 'not-supported', installButton: 'none' });
  });

  it('says in Polish that the update installs after opening hours', () => {
    expect(updatesPl.ready.replace('{{version}}', '1.2.0')).toBe(
      'Dostępna nowa wersja 1.2.0 — zostanie zainstalowana po godzinach pracy.',
    );
    expect(Object.keys(updatesEn.blocked)).toEqual(Object.keys(updatesPl.blocked));
  });
});
