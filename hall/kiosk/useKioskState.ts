import { useCallback, useEffect, useState } from 'react';
import { queuePaths } from '../../common/contract/central/paths';
import { kioskStateSchema, type KioskState } from '../../common/contract/central/queue';
import { requestApi } from '../shared/queueApi';

/** How often the start screen's categories and waits are refreshed, and retried after a failure. */
const REFRESH_MS = 15_000;
const RETRY_MS = 5_000;
const UNKNOWN_SITE_RETRY_MS = 30_000;

export type KioskStateView = {
  state: KioskState | null;
  /** When `state` arrived, by this PC's clock (for the server's clock offset). */
  receivedAtMs: number;
  /** The last refresh failed: `state` (if any) is older than it should be. */
  stale: boolean;
  /** The server does not know this site: the kiosk's address is wrong. */
  unknownSite: boolean;
};

const initial: KioskStateView = { state: null, receivedAtMs: 0, stale: false, unknownSite: false };

/**
 * What the kiosk offers now (categories, waits, today's hours), kept fresh: refreshed every few
 * seconds, retried calmly when the server does not answer (the last answer stays on screen), and
 * at once when `refresh()` is called (back on the start screen after a ticket).
 */
export function useKioskState(siteId: string | null): KioskStateView & { refresh(): void } {
  const [view, setView] = useState<KioskStateView>(initial);
  const [refreshes, setRefreshes] = useState(0);

  useEffect(() => {
    if (siteId === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      let next = RETRY_MS;
      try {
        const result = await requestApi(queuePaths.kiosk(siteId), kioskStateSchema, {
          signal: controller.signal,
        });
        if (result.ok) {
          setView({
            state: result.value,
            receivedAtMs: Date.now(),
            stale: false,
            unknownSite: false,
          });
          next = REFRESH_MS;
        } else if (result.problem === 'refused' && result.reason === 'unknown-site') {
          setView({ ...initial, unknownSite: true });
          next = UNKNOWN_SITE_RETRY_MS;
        } else {
          setView((previous) => ({ ...previous, stale: true, unknownSite: false }));
        }
      } catch {
        return; // Aborted: the page left this site or refreshes anew.
      }
      timer = setTimeout(() => void load(), next);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [siteId, refreshes]);

  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);
  return { ...view, refresh };
}
