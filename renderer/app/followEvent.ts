import type { EventName, EventPayload } from '../../common/contract';

/** The part of RTK Query's `onCacheEntryAdded` lifecycle that following an event needs. */
export interface CacheEntryLifecycle {
  cacheDataLoaded: Promise<unknown>;
  cacheEntryRemoved: Promise<unknown>;
}

export interface FollowFromStart<E extends EventName> {
  /** Whether this cache entry cares about the event (say, the same case); all do if left out. */
  concerns?: (payload: EventPayload<E>) => boolean;
  /** Applies an event that came after the first answer. */
  apply: (payload: EventPayload<E>) => void;
  /** Runs once after the first answer if an event came before it; gets the last such event. */
  missed: (last: EventPayload<E>) => void;
}

/**
 * Keeps a query's cache entry following a main event for as long as the entry lives. It listens
 * before the first answer, so a change made meanwhile is not lost: `missed` decides what to do
 * about it (usually read the entry again). If the entry goes away before it loads (or main
 * refuses, which the query's error shows), events are no longer applied.
 */
export async function followEventFromStart<E extends EventName>(
  event: E,
  { cacheDataLoaded, cacheEntryRemoved }: CacheEntryLifecycle,
  { concerns, apply, missed }: FollowFromStart<E>,
): Promise<void> {
  let early: { payload: EventPayload<E> } | null = null;
  let loaded = false;
  const stop = window.clerk.on(event, (payload) => {
    if (concerns && !concerns(payload)) return;
    if (loaded) apply(payload);
    else early = { payload };
  });
  try {
    await cacheDataLoaded;
    loaded = true;
    // Set by the listener above, which TypeScript's narrowing does not see.
    const seen = early as { payload: EventPayload<E> } | null;
    if (seen) missed(seen.payload);
  } catch {
    // The entry went away before it loaded.
  }
  await cacheEntryRemoved;
  stop();
}

/**
 * Keeps a query's cache entry following a main event from its first answer (or its failure)
 * until the entry goes away; for entries where an event before the first answer does not matter.
 */
export async function followEventOnceLoaded<E extends EventName>(
  event: E,
  { cacheDataLoaded, cacheEntryRemoved }: CacheEntryLifecycle,
  apply: (payload: EventPayload<E>) => void,
): Promise<void> {
  await cacheDataLoaded.catch(() => undefined);
  const stop = window.clerk.on(event, apply);
  await cacheEntryRemoved;
  stop();
}
