import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError, ApiErrorCode } from '../../common/contract/central/apiError';
import { issuesFromZod } from '../../common/contract/ipcError';
import { ApiHttpError } from './apiHttpError';
import { RequestValidationError } from './zodValidation';

const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'invalid-request',
  415: 'invalid-request',
  429: 'too-many-requests',
  503: 'unavailable',
};

function send(reply: FastifyReply, status: number, body: ApiError) {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * Every failure leaves the server as the one error body of the API: a route's own refusal
 * (ApiHttpError), a request that fails its schema (400 with the path of each field), what
 * Fastify itself refuses (malformed JSON, a body too large), an unknown route (404), and a
 * fault (500, logged, with no detail for the caller).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ApiHttpError) {
      void reply.headers(error.headers);
      return send(reply, error.statusCode, {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      });
    }
    if (error instanceof RequestValidationError) {
      return send(reply, 400, {
        error: {
          code: 'invalid-request',
          message: error.message,
          issues: issuesFromZod(error.zodError),
        },
      });
    }
    const status =
      'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = codeByStatus[status] ?? 'invalid-request';
      return send(reply, status, {
        error: {
          code,
          message: error.message,
          ...(code === 'invalid-request'
            ? { issues: [{ path: '(root)', message: error.message }] }
            : {}),
        },
      });
    }
    // A fault, or a response that broke its own schema (FST_ERR_RESPONSE_SERIALIZATION).
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, { error: { code: 'internal', message: 'Internal server error.' } });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      error: {
        code: 'not-found',
        // The path only: a query string may carry what does not belong in an answer or a log.
        message: `No route ${request.method} ${request.url.split('?')[0]}.`,
      },
    }),
  );
}
