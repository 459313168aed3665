import type { z } from 'zod';
import { ipcErrorSchema } from './ipcError';

/**
 * One IPC channel (renderer → main), declared once: the schema of its request, of its
 * response and of its error. Main parses the request with it, the preload and the browser
 * host build their named methods from it, the renderer's types are inferred from it.
 */
export type ChannelDefinition<
  Request extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
  Codes extends readonly string[] = readonly string[],
> = {
  request: Request;
  response: Response;
  errorCodes: Codes;
  error: ReturnType<typeof ipcErrorSchema<Codes>>;
  /** What the channel does, for docs/ipc.md and for whoever reads the contract. */
  summary: string;
};

export function defineChannel<
  Request extends z.ZodType,
  Response extends z.ZodType,
  const Codes extends readonly string[] = readonly [],
>(definition: {
  request: Request;
  response: Response;
  errorCodes?: Codes;
  summary: string;
}): ChannelDefinition<Request, Response, Codes> {
  const errorCodes = (definition.errorCodes ?? []) as unknown as Codes;
  return {
    request: definition.request,
    response: definition.response,
    errorCodes,
    error: ipcErrorSchema(errorCodes),
    summary: definition.summary,
  };
}

/** One event (main → renderer), declared once with the schema of its payload. */
export type EventDefinition<Payload extends z.ZodType = z.ZodType> = {
  payload: Payload;
  summary: string;
};

export function defineEvent<Payload extends z.ZodType>(definition: {
  payload: Payload;
  summary: string;
}): EventDefinition<Payload> {
  return definition;
}
