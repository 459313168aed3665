import { useSyncExternalStore } from 'react';
import { useAppSelector } from '../../app/hooks';
import { selectServerSkewMs } from './queueSlice';

const TICK_MS = 1000;

function subscribeToSeconds(onTick: () => void): () => void {
  const timer = window.setInterval(onTick, TICK_MS);
  return () => window.clearInterval(timer);
}

/** This window's clock, to the second: the same value between two ticks. */
function currentSecond(): number {
  return Math.floor(Date.now() / TICK_MS) * TICK_MS;
}

/**
 * The central server's time now, ticking every second: served and waited times count from the
 * server's instants, so a PC whose clock is a little off still shows them right.
 */
export function useServerNow(): number {
  const second = useSyncExternalStore(subscribeToSeconds, currentSecond);
  const skewMs = useAppSelector(selectServerSkewMs);
  return second + skewMs;
}
