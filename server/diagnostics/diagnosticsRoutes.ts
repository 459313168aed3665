import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  DIAGNOSTICS_MAX_BYTES,
  type DiagnosticsEntry,
  diagnosticsListSchema,
  diagnosticsPaths,
  diagnosticsReceiptSchema,
} from '../../common/contract/diagnostics';
import type { RouteAccess } from '../auth/routeAccess';
import { ApiHttpError, notFound } from '../http/apiHttpError';
import type { CentralApp, CentralContext } from '../http/centralContext';
import { errorResponses, securityOf } from '../http/routeSchemas';
import { listDiagnostics, readDiagnosticsArchive, storeDiagnostics } from './diagnosticsStore';

const workstationOnly: RouteAccess = { workstation: true };
const adminOnly: RouteAccess = { users: ['admin'] };

/** A zip starts with a local file header, `PK\x03\x04`. */
const isZip = (bytes: Buffer) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

/**
 * The diagnostics archives (docs/logs.md): a workstation posts one as `application/zip` (up to
 * 20 MB, its logs masked by the PC), an admin lists them and downloads one. The body is taken as
 * bytes and stored as it came; nothing of it is logged.
 */
export function registerDiagnosticsRoutes(app: CentralApp, context: CentralContext): void {
  app.addContentTypeParser(
    'application/zip',
    { parseAs: 'buffer', bodyLimit: DIAGNOSTICS_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    diagnosticsPaths.upload,
    {
      bodyLimit: DIAGNOSTICS_MAX_BYTES,
      config: { access: workstationOnly },
      schema: {
        tags: ['diagnostics'],
        summary: "Store a workstation's diagnostics archive (a zip with manifest.json)",
        security: securityOf(workstationOnly),
        response: { 200: diagnosticsReceiptSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const workstation = request.caller.workstation;
      if (!workstation) throw new Error('The access rule let an upload through without a PC.');
      const body = request.body;
      if (!Buffer.isBuffer(body) || !isZip(body)) {
        throw new ApiHttpError(400, 'invalid-request', 'The body must be a zip archive.');
      }
      const receipt = await storeDiagnostics(context.store, workstation, body, context.clock.now());
      request.log.info(
        { id: receipt.id, workstationId: workstation.id, sizeBytes: receipt.sizeBytes },
        'diagnostics received',
      );
      return receipt;
    },
  );

  app.get(
    diagnosticsPaths.list,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['diagnostics'],
        summary: 'The diagnostics archives received, newest first',
        security: securityOf(adminOnly),
        response: { 200: diagnosticsListSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ diagnostics: await listDiagnostics(context.store) }),
  );

  app.get(
    diagnosticsPaths.downloadPattern,
    {
      config: { access: adminOnly },
      schema: {
        tags: ['diagnostics'],
        summary: 'One diagnostics archive, as a zip download',
        security: securityOf(adminOnly),
        params: z.strictObject({ id: z.uuid() }),
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const found = await readDiagnosticsArchive(context.store, request.params.id);
      if (!found) throw notFound('No diagnostics archive with that id.');
      return sendZip(reply, found.entry, found.archive);
    },
  );
}

/** The archive as a download; its bytes bypass the JSON serializer (no 200 schema). */
function sendZip(reply: FastifyReply, entry: DiagnosticsEntry, archive: Buffer) {
  const stamp = entry.receivedAt.replace(/[:.]/g, '-');
  return reply
    .type('application/zip')
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="diagnostyka-${entry.workstationId}-${stamp}.zip"`,
    )
    .send(archive);
}
