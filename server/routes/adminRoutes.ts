import {
  createUserRequestSchema,
  createUserResponseSchema,
  createWorkstationRequestSchema,
  createWorkstationResponseSchema,
} from '../../common/contract/central/admin';
import { centralPaths } from '../../common/contract/central/paths';
import type { RouteAccess } from '../auth/routeAccess';
import { insertUser } from '../auth/users';
import { registerWorkstation } from '../auth/workstations';
import { registerEnrolmentRoutes } from '../enrolment/enrolmentRoutes';
import { conflict, invalidRequest } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { isLiveReferenceEntity } from '../reference/referenceFeed';

const adminOnly: RouteAccess = { users: ['admin'] };

async function requireSite(context: CentralContext, siteId: string): Promise<void> {
  if (!(await isLiveReferenceEntity(context.store.db, 'site', siteId))) {
    throw invalidRequest('The site does not exist.', [
      { path: 'siteId', message: `No site "${siteId}" exists.` },
    ]);
  }
}

export function registerAdminRoutes(app: CentralApp, context: CentralContext): void {
  app.post(
    centralPaths.adminUsers,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: 'Add a user (the password is kept only as a scrypt hash)',
        security: securityOf(adminOnly),
        body: createUserRequestSchema,
        response: { 201: createUserResponseSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { login, displayName, roles, siteId, password } = request.body;
      if (siteId !== null) await requireSite(context, siteId);
      const user = await insertUser(
        context.store.db,
        {
          login,
          displayName,
          roles,
          siteId,
          passwordHash: await context.passwords.hash(password),
          demo: false,
        },
        context.clock.now(),
      );
      if (!user) throw conflict(`The login "${login}" is taken.`);
      request.log.info({ login, roles, by: request.caller.user?.login }, 'user added');
      return reply.code(201).send({ user });
    },
  );

  app.post(
    centralPaths.adminWorkstations,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: 'Register a workstation; answers its token, once (the server keeps its hash)',
        security: securityOf(adminOnly),
        body: createWorkstationRequestSchema,
        response: { 201: createWorkstationResponseSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await requireSite(context, request.body.siteId);
      const registered = await registerWorkstation(
        context.store.db,
        request.body,
        context.clock.now(),
      );
      if (!registered) throw conflict(`The workstation "${request.body.id}" exists already.`);
      request.log.info(
        { workstationId: request.body.id, by: request.caller.user?.login },
        'workstation registered',
      );
      return reply.code(201).send(registered);
    },
  );

  // Provisioning extends the admin's workstation routes (and adds the PC's public side).
  registerEnrolmentRoutes(app, context);
}
