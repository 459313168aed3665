import { z } from 'zod';
import { apiErrorSchema } from '../../common/contract/central/apiError';
import { WORKSTATION_TOKEN_HEADER } from '../../common/contract/central/auth';
import {
  supervisorActionResponseSchema,
  supervisorOverviewSchema,
  supervisorPaths,
  type ExportTable,
  type MoveTicketRequest,
  type SendCounterMessageRequest,
  type SetCounterCategoriesRequest,
  type SetCounterStateRequest,
  type SupervisorActionResponse,
  type SupervisorOverview,
} from '../../common/contract/central/supervisor';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import { createCentralHttp, type CentralFailure, type CentralResult } from '../sync/centralHttp';

export type SupervisorClientOptions = {
  baseUrl: string;
  fetchFn: FetchFn;
  clock: Clock;
  workstationToken: () => string | null;
  timeoutMs?: number;
};

/** A file the server generated (a CSV table, the PDF report). */
export type DownloadedFile = { fileName: string; mimeType: string; bytes: Buffer };

/**
 * The workstation's client of the supervisor's routes (docs/supervisor.md): the overview, the
 * actions, and the day's exports as files. Answers are checked against the contract; failures
 * are classified as every central client classifies them (CentralFailure).
 */
export function createSupervisorClient(options: SupervisorClientOptions) {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const request = createCentralHttp(options);
  const act = (method: 'POST' | 'PUT', path: string, body: unknown, sessionToken: string) =>
    request(supervisorActionResponseSchema, { method, path, body, sessionToken, timeoutMs });

  return {
    overview(siteId: string, sessionToken: string): Promise<CentralResult<SupervisorOverview>> {
      return request(supervisorOverviewSchema, {
        method: 'GET',
        path: supervisorPaths.overview(siteId),
        sessionToken,
        timeoutMs,
      });
    },
    setCounterCategories(
      siteId: string,
      counterId: string,
      body: SetCounterCategoriesRequest,
      sessionToken: string,
    ): Promise<CentralResult<SupervisorActionResponse>> {
      return act('PUT', supervisorPaths.counterCategories(siteId, counterId), body, sessionToken);
    },
    setCounterState(
      siteId: string,
      counterId: string,
      body: SetCounterStateRequest,
      sessionToken: string,
    ): Promise<CentralResult<SupervisorActionResponse>> {
      return act('POST', supervisorPaths.counterState(siteId, counterId), body, sessionToken);
    },
    moveTicket(
      siteId: string,
      ticketId: string,
      body: MoveTicketRequest,
      sessionToken: string,
    ): Promise<CentralResult<SupervisorActionResponse>> {
      return act('POST', supervisorPaths.moveTicket(siteId, ticketId), body, sessionToken);
    },
    sendMessage(
      siteId: string,
      counterId: string,
      body: SendCounterMessageRequest,
      sessionToken: string,
    ): Promise<CentralResult<SupervisorActionResponse>> {
      return act('POST', supervisorPaths.counterMessages(siteId, counterId), body, sessionToken);
    },
    /** One export as bytes: a CSV table or the PDF report (the name from Content-Disposition). */
    async download(
      siteId: string,
      what: { table: ExportTable } | { report: true },
      day: string | undefined,
      sessionToken: string,
    ): Promise<CentralResult<DownloadedFile>> {
      const path =
        'table' in what
          ? supervisorPaths.exportTable(siteId, what.table, day)
          : supervisorPaths.report(siteId, day);
      const headers: Record<string, string> = { authorization: `Bearer ${sessionToken}` };
      const workstationToken = options.workstationToken();
      if (workstationToken) headers[WORKSTATION_TOKEN_HEADER] = workstationToken;
      let response: Response;
      try {
        response = await options.fetchFn(new URL(path, options.baseUrl).toString(), {
          method: 'GET',
          headers,
          signal: AbortSignal.timeout(60_000),
        });
      } catch (error) {
        return {
          ok: false,
          failure: { kind: 'unreachable', message: `GET ${path}: ${String(error)}`, status: null },
        };
      }
      if (!response.ok) return { ok: false, failure: await failureOf(response, path) };
      const bytes = Buffer.from(await response.arrayBuffer());
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName =
        /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop() ?? 'export';
      const mimeType = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
      return { ok: true, value: { fileName, mimeType, bytes } };
    },
  };
}

export type SupervisorClient = ReturnType<typeof createSupervisorClient>;

const errorBodySchema = z.object({
  error: apiErrorSchema.shape.error.extend({ reason: z.string().optional() }),
});

/** A refused download, classified as the shared client classifies JSON answers. */
async function failureOf(response: Response, path: string): Promise<CentralFailure> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = null;
  }
  const parsed = errorBodySchema.safeParse(body);
  const message = parsed.success
    ? parsed.data.error.message
    : `GET ${path}: HTTP ${response.status}`;
  const status = response.status;
  if (status === 401) return { kind: 'unauthorized', status, message };
  if (status === 429) return { kind: 'rate-limited', status, message, retryAfterMs: null };
  if (status >= 400 && status < 500) {
    return {
      kind: 'rejected',
      status,
      code: parsed.success ? parsed.data.error.code : null,
      message,
      issues: parsed.success ? (parsed.data.error.issues ?? []) : [],
      ...(parsed.success && parsed.data.error.reason !== undefined
        ? { reason: parsed.data.error.reason }
        : {}),
    };
  }
  return { kind: 'unreachable', status, message };
}
