import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** Which part of the request failed its schema, in words for the error message. */
const partNames: Record<string, string> = {
  body: 'body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

/**
 * A request part that failed its zod schema. It keeps zod's own error, so the answer can give
 * each bad field's path as the IPC contract does (`mutations[0].id`, one issue per unknown
 * field) through `issuesFromZod`.
 */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly part: string;
  readonly zodError: z.ZodError;

  constructor(part: string, zodError: z.ZodError) {
    super(`The request's ${partNames[part] ?? part} is not valid.`);
    this.name = 'RequestValidationError';
    this.part = part;
    this.zodError = zodError;
  }
}

/**
 * Validates every request part with its zod schema. fastify-type-provider-zod's own
 * `validatorCompiler` flattens zod's issue paths into JSON pointers (`/mutations/0/id`),
 * which loses whether `0` was an index; this one keeps the ZodError for the error handler.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(httpPart ?? 'body', result.error) };
  };
