import { z } from 'zod';
import { lockerPaths, readyCasesResponseSchema } from '../../common/contract/central/lockers';
import type { RouteAccess } from '../auth/routeAccess';
import { notFound } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { startNotificationDispatch } from '../notifications/dispatchNotifications';
import { createLoggingSender, type NotificationSender } from '../notifications/notificationSender';
import { liveReferenceEntitiesById } from '../reference/referenceFeed';
import { readyCasesFor } from './readyCases';

const lockerDesk: RouteAccess = { users: ['locker', 'supervisor'] };

const siteParams = z.strictObject({
  siteId: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -'),
});

/**
 * The urzędomat's routes (docs/lockers.md), and the sender of the notification outbox, which
 * runs while the server does (`sender`: the demo sender, which logs and marks sent, unless a
 * real one is given).
 */
export function registerLockerRoutes(
  app: CentralApp,
  context: CentralContext,
  options: { sender?: NotificationSender; dispatchIntervalMs?: number } = {},
): void {
  app.get(
    lockerPaths.patterns.readyCases,
    {
      config: { access: lockerDesk },
      schema: {
        tags: ['lockers'],
        summary:
          'Ready, locker-eligible cases with no deposit under way (initials only), and the site’s deposits',
        security: securityOf(lockerDesk),
        params: siteParams,
        response: { 200: readyCasesResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      const site = (await liveReferenceEntitiesById(context.store.db, 'site', [siteId])).get(
        siteId,
      );
      if (!site?.hasLocker) throw notFound(`The site "${siteId}" is unknown or has no locker.`);
      return readyCasesFor(context.store, siteId, context.clock.now());
    },
  );

  const dispatch = startNotificationDispatch({
    store: context.store,
    sender: options.sender ?? createLoggingSender(app.log),
    clock: context.clock,
    logger: app.log,
    ...(options.dispatchIntervalMs ? { intervalMs: options.dispatchIntervalMs } : {}),
  });
  // preClose: before the onClose hook that closes the store, so no round outlives it.
  app.addHook('preClose', () => dispatch.stop());
}
