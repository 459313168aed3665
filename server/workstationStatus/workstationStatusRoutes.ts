import {
  workstationsHealthSchema,
  workstationStatusAnswerSchema,
  workstationStatusPaths,
  workstationStatusReportSchema,
} from '../../common/contract/central/workstationStatus';
import type { RouteAccess } from '../auth/routeAccess';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { workstationsHealth } from './workstationHealth';
import { saveStatusReport } from './workstationStatusStore';

/** A PC reports with its own token; the clerk's session, when sent, names who is logged in. */
const workstationReport: RouteAccess = { workstation: true };
/** The IT team (admin) sees every site; a supervisor their own, read-only like the page. */
const healthReaders: RouteAccess = { users: ['admin', 'supervisor'] };

/**
 * The workstations' status reports (docs/health.md): each PC posts its own; the health page
 * reads them all. A report that changes a device's state is announced as `workstation.status`,
 * so the supervisors' overviews refresh their alerts.
 */
export function registerWorkstationStatusRoutes(app: CentralApp, context: CentralContext): void {
  app.post(
    workstationStatusPaths.report,
    {
      config: { access: workstationReport },
      schema: {
        tags: ['health'],
        summary: "A workstation's status: version, devices, sync (the latest is kept)",
        security: securityOf(workstationReport),
        body: workstationStatusReportSchema,
        response: { 200: workstationStatusAnswerSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const workstation = request.caller.workstation;
      if (!workstation) throw new Error('The access rule let a report through without a token.');
      // With a session, the server knows who is logged in better than the report says.
      const clerkLogin = request.caller.user?.login ?? request.body.clerkLogin;
      const report = { ...request.body, clerkLogin };
      const receivedAt = context.clock.now();
      const { devicesChanged } = await saveStatusReport(
        context.store.db,
        workstation,
        report,
        receivedAt,
      );
      if (devicesChanged) {
        try {
          await context.liveEvents.publish('workstation.status', {
            workstationId: workstation.id,
            siteId: workstation.siteId,
            counterNumber: workstation.counterNumber,
          });
        } catch (error) {
          // Stored already; the supervisor's overview catches up on its next poll.
          request.log.error({ err: error }, 'could not publish workstation.status');
        }
      }
      return { receivedAt: receivedAt.toISOString() };
    },
  );

  app.get(
    workstationStatusPaths.health,
    {
      config: { access: healthReaders },
      schema: {
        tags: ['health'],
        summary: 'Every workstation: version, last seen, sync lag, terminal and printer',
        security: securityOf(healthReaders),
        response: { 200: workstationsHealthSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const user = request.caller.user;
      const admin = user?.roles.includes('admin') ?? false;
      const siteId = admin ? null : (user?.siteId ?? null);
      const health = await workstationsHealth(context.store.db, {
        now: context.clock.now(),
        serverVersion: context.version,
        siteId,
      });
      // A supervisor without a site sees none rather than every site.
      return !admin && siteId === null ? { ...health, workstations: [] } : health;
    },
  );
}
