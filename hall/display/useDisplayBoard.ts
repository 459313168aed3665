import { useEffect, useRef, useState } from 'react';
import { queuePaths } from '../../common/contract/central/paths';
import {
  displayStateSchema,
  type DisplayCall,
  type DisplayState,
} from '../../common/contract/central/queue';
import { requestApi } from '../shared/queueApi';
import { freshCalls, type SeenCalls } from './freshCalls';

/**
 * Polled, not pushed. The central server's live channel admits only a logged-in user or a
 * workstation's token, and a screen hanging in a public hall should hold neither; the display
 * route is public, answers numbers only and is one small read, so once a second from the one
 * or two boards of a site costs little, and a call reaches the board within about a second.
 * The next request starts only after the last one ended, so a slow server is never piled on.
 */
const POLL_MS = 1_000;
const REQUEST_TIMEOUT_MS = 4_000;
const UNKNOWN_SITE_RETRY_MS = 30_000;

export type DisplayBoard = {
  state: DisplayState | null;
  receivedAtMs: number;
  /** Polls in a row that got no usable answer (the board says so after a few). */
  failures: number;
  unknownSite: boolean;
};

/**
 * The display board's state for a site, polled, with `onFreshCalls` told of each call and
 * recall it has not announced yet (oldest first; none for the calls made before it started).
 */
export function useDisplayBoard(
  siteId: string | null,
  onFreshCalls: (calls: DisplayCall[]) => void,
): DisplayBoard {
  const [board, setBoard] = useState<DisplayBoard>({
    state: null,
    receivedAtMs: 0,
    failures: 0,
    unknownSite: false,
  });
  const announce = useRef(onFreshCalls);
  useEffect(() => {
    announce.current = onFreshCalls;
  }, [onFreshCalls]);

  useEffect(() => {
    if (siteId === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen: SeenCalls = null;
    const poll = async () => {
      let next = POLL_MS;
      try {
        const result = await requestApi(queuePaths.display(siteId), displayStateSchema, {
          signal: controller.signal,
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        if (result.ok) {
          const calls = freshCalls(seen, result.value.lastCalls);
          seen = calls.seen;
          setBoard({
            state: result.value,
            receivedAtMs: Date.now(),
            failures: 0,
            unknownSite: false,
          });
          if (calls.fresh.length > 0) announce.current(calls.fresh);
        } else if (result.problem === 'refused' && result.reason === 'unknown-site') {
          setBoard((previous) => ({ ...previous, state: null, unknownSite: true }));
          next = UNKNOWN_SITE_RETRY_MS;
        } else {
          setBoard((previous) => ({ ...previous, failures: previous.failures + 1 }));
        }
      } catch {
        return; // Aborted: the board is going away.
      }
      timer = setTimeout(() => void poll(), next);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [siteId]);

  return board;
}
