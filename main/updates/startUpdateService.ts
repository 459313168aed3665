import type Database from 'better-sqlite3';
import type { EventPayload, WorkstationConfig } from '../../common/contract';
import type { Clock } from '../app/clock';
import type { EventHub } from '../app/eventHub';
import type { Logger } from '../logging/logger';
import type { PaymentService } from '../payments/session/paymentService';
import type { ReferenceCache } from '../reference/referenceCache';
import { createUpdateService } from './updateService';
import { feedOnlyUpdater, updateFeedUrl, type Updater } from './updater';
import { createVisitTracker, paymentInProgress } from './workstationActivity';

/** The feed's channel (a folder of the server's RELEASES_DIR); `latest` unless IT pilots one. */
const CHANNEL = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function updateChannelFrom(env: Record<string, string | undefined>): string {
  const channel = env.OKIENKO_UPDATE_CHANNEL;
  return channel !== undefined && CHANNEL.test(channel) ? channel : 'latest';
}

/** How a host makes its updater for a feed; absent: the feed is only read (docs/updates.md). */
export type CreateUpdater = (feed: { url: string; currentVersion: string }) => Updater;

/**
 * The update service as startWorkstation needs it: the feed of the central server this PC
 * works with, the site's hours from the reference cache, the visit and the payment from the
 * queue panel and the payment journal, re-asked whenever either changes.
 */
export function startUpdateService(options: {
  db: Database.Database;
  clock: Clock;
  logger: Logger;
  hub: EventHub;
  config: WorkstationConfig;
  reference: Pick<ReferenceCache, 'get'>;
  payments: Pick<PaymentService, 'terminal'>;
  centralUrl: string;
  currentVersion: string;
  fetchFn: typeof fetch;
  createUpdater?: CreateUpdater;
  env?: Record<string, string | undefined>;
}) {
  const { db, config, hub } = options;
  const url = updateFeedUrl(options.centralUrl, updateChannelFrom(options.env ?? process.env));
  const feed = { url, currentVersion: options.currentVersion };
  const updater = options.createUpdater
    ? options.createUpdater(feed)
    : feedOnlyUpdater({
        feedUrl: url,
        currentVersion: options.currentVersion,
        fetchFn: options.fetchFn,
      });
  const visits = createVisitTracker(db, config.site.id, config.counter.number);
  const updates = createUpdateService({
    updater,
    currentVersion: options.currentVersion,
    clock: options.clock,
    schedule: () => options.reference.get('site', config.site.id)?.schedule ?? null,
    activity: {
      visitInProgress: visits.visitInProgress,
      paymentInProgress: () => paymentInProgress(db, options.payments),
    },
    publish: (state) => hub.publish('updates:changed', state),
    logger: options.logger.child({ component: 'updates' }),
  });
  const unsubscribe = hub.subscribe((event, payload) => {
    if (event === 'queue:changed') visits.panelChanged(payload as EventPayload<'queue:changed'>);
    if (
      event === 'queue:changed' ||
      event === 'payments:changed' ||
      event === 'payments:terminalChanged'
    ) {
      updates.activityChanged();
    }
  });
  if (options.centralUrl) updates.start();
  return {
    updates,
    stop(): void {
      unsubscribe();
      updates.stop();
    },
  };
}
