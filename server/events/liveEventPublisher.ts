import type { LiveEvent } from '../../common/contract/central/liveEvents';

/**
 * How the rest of the server announces something to connected clients. Called after the change
 * has committed; the implementation stores the event (so a reconnecting client can resume from
 * its last id) and wakes every server process's clients (PostgreSQL NOTIFY, or in-process).
 */
export type LiveEventPublisher = {
  publish(type: LiveEvent['type'], data: LiveEvent['data']): Promise<void>;
};
