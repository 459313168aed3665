import { z } from 'zod';
import {
  createEnrolmentRequestSchema,
  createEnrolmentResponseSchema,
  enrolmentPaths,
  enrolRequestSchema,
  enrolResponseSchema,
  revokeWorkstationResponseSchema,
  updateWorkstationSettingsRequestSchema,
  workstationSettingsSchema,
} from '../../common/contract/central/enrolment';
import type { RouteAccess } from '../auth/routeAccess';
import { isLiveReferenceEntity } from '../reference/referenceFeed';
import { ApiHttpError, invalidRequest, notFound, tooManyRequests } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { ENROLMENT_CODE_TTL_MS } from './enrolmentCode';
import {
  DEFAULT_ENROLMENT_LIMITS,
  enrolmentBlockedFor,
  recordEnrolmentFailure,
  type EnrolmentLimits,
} from './enrolmentRateLimit';
import {
  issueEnrolment,
  readWorkstationSettings,
  redeemEnrolmentCode,
  revokeWorkstation,
  updateWorkstationSettings,
} from './enrolmentStore';

const adminOnly: RouteAccess = { users: ['admin'] };
const workstationOnly: RouteAccess = { workstation: true };
const idParams = z.object({ id: z.string().min(1).max(64) });

export type EnrolmentRouteOptions = { limits?: EnrolmentLimits; codeTtlMs?: number };

/** Provisioning's routes (docs/provisioning.md). */
export function registerEnrolmentRoutes(
  app: CentralApp,
  context: CentralContext,
  options: EnrolmentRouteOptions = {},
): void {
  const { store, clock } = context;
  const limits = options.limits ?? DEFAULT_ENROLMENT_LIMITS;

  app.post(
    enrolmentPaths.adminEnrolments,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary:
          'Register (or re-enrol) a workstation with its terminal and printer; answers a one-time enrolment code',
        security: securityOf(adminOnly),
        body: createEnrolmentRequestSchema,
        response: { 201: createEnrolmentResponseSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { id, siteId, counterNumber, terminal, printer } = request.body;
      if (!(await isLiveReferenceEntity(store.db, 'site', siteId))) {
        throw invalidRequest('The site does not exist.', [
          { path: 'siteId', message: `No site "${siteId}" exists.` },
        ]);
      }
      const issued = await issueEnrolment(store.db, {
        workstation: { id, siteId, counterNumber },
        devices: { terminal, printer },
        by: request.caller.user?.login ?? 'admin',
        now: clock.now(),
        ttlMs: options.codeTtlMs ?? ENROLMENT_CODE_TTL_MS,
      });
      request.log.info(
        { workstationId: id, reEnrolment: issued.reEnrolment, by: request.caller.user?.login },
        'enrolment code issued',
      );
      return reply.code(201).send(issued);
    },
  );

  app.put(
    enrolmentPaths.adminSettings,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary:
          "Change a workstation's terminal and printer (the PC reads them at its next check)",
        security: securityOf(adminOnly),
        params: idParams,
        body: updateWorkstationSettingsRequestSchema,
        response: { 200: workstationSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const updated = await updateWorkstationSettings(store.db, id, request.body, clock.now());
      const settings = updated ? await readWorkstationSettings(store.db, id) : null;
      if (!settings) throw notFound(`No workstation "${id}" is registered.`);
      request.log.info({ workstationId: id, by: request.caller.user?.login }, 'settings changed');
      return settings;
    },
  );

  app.post(
    enrolmentPaths.adminRevoke,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: 'Revoke a workstation: its token and unused codes stop working',
        security: securityOf(adminOnly),
        params: idParams,
        response: { 200: revokeWorkstationResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const revoked = await revokeWorkstation(store.db, request.params.id, clock.now());
      if (!revoked) throw notFound(`No workstation "${request.params.id}" is registered.`);
      request.log.warn(
        { workstationId: request.params.id, by: request.caller.user?.login },
        'workstation revoked',
      );
      return revoked;
    },
  );

  app.post(
    enrolmentPaths.enrol,
    {
      config: { access: 'public' },
      schema: {
        tags: ['enrolment'],
        summary:
          "Trade a one-time enrolment code for the workstation's identity, token and settings",
        body: enrolRequestSchema,
        response: { 200: enrolResponseSchema, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request) => {
      const ip = request.ip;
      const now = clock.now();
      const attempt = { ip, now, limits };
      const blocked = await enrolmentBlockedFor(store.db, attempt);
      if (blocked) {
        request.log.warn({ ip, ...blocked }, 'enrolment refused: too many failures');
        throw tooManyRequests(
          `Too many refused enrolment codes from this address; try again in ${blocked.retryAfterSeconds} s.`,
          blocked.retryAfterSeconds,
        );
      }
      const machineLabel = request.body.machineLabel ?? null;
      const result = await redeemEnrolmentCode(store.db, {
        code: request.body.code,
        machineLabel,
        now,
      });
      if (result.outcome === 'enrolled') {
        request.log.info(
          { workstationId: result.settings.workstation.id, machineLabel, ip },
          'workstation enrolled',
        );
        return { token: result.token, settings: result.settings };
      }
      await recordEnrolmentFailure(store.db, attempt);
      request.log.warn({ ip, machineLabel, outcome: result.outcome }, 'enrolment refused');
      if (result.outcome === 'used') {
        throw new ApiHttpError(
          409,
          'enrolment-code-used',
          'This enrolment code has been used already. Ask the administrator for a new one.',
        );
      }
      if (result.outcome === 'expired') {
        throw new ApiHttpError(
          409,
          'enrolment-code-expired',
          'This enrolment code has expired. Ask the administrator for a new one.',
        );
      }
      throw new ApiHttpError(
        404,
        'enrolment-code-unknown',
        'No such enrolment code. Check it for typing errors.',
      );
    },
  );

  app.get(
    enrolmentPaths.workstationSettings,
    {
      config: { access: workstationOnly },
      schema: {
        tags: ['enrolment'],
        summary: 'The settings the server owns for the calling workstation',
        security: securityOf(workstationOnly),
        response: { 200: workstationSettingsSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const workstation = request.caller.workstation;
      const settings = workstation ? await readWorkstationSettings(store.db, workstation.id) : null;
      if (!settings) throw notFound('This workstation is not registered.');
      return settings;
    },
  );
}
