import type { Migration } from './types';

/**
 * Where the PC stands on the central server's live events, and which feed its cursors belong to
 * (docs/workstation-sync.md). `feed_id` is the central store's feed id, as the last pull answered
 * it: both the pull cursor and `live_event_cursor` are positions on that store only, so when a
 * pull answers another id (the store was replaced) both start over. `live_event_cursor` is the id
 * of the last live event handled (NULL: none yet, connect without `after`).
 */
export const liveEventsCursor: Migration = {
  version: 4,
  name: 'live_events_cursor',
  up: (db) => {
    db.exec(`
      ALTER TABLE sync_state ADD COLUMN feed_id TEXT;
      ALTER TABLE sync_state ADD COLUMN live_event_cursor TEXT
        CHECK (live_event_cursor IS NULL OR (live_event_cursor <> '' AND live_event_cursor NOT GLOB '*[^0-9]*'));
    `);
  },
};
