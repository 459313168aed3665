import {
  callingRulesResponseSchema,
  counterCommandResponseSchema,
  counterStateSchema,
  queueOverviewSchema,
  type CallingRulesResponse,
  type CounterCommandResponse,
  type CounterState,
  type FinishRequest,
  type PauseCounterRequest,
  type QueueOverview,
  type TicketReference,
  type TransferRequest,
  type WalkInRequest,
} from '../../common/contract/central/queue';
import { queuePaths } from '../../common/contract/central/paths';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import { createCentralHttp, type CentralResult } from '../sync/centralHttp';

export type QueueClientOptions = {
  baseUrl: string;
  fetchFn: FetchFn;
  clock: Clock;
  /** This PC's identity: the engine acts on the counter this workstation is registered for. */
  workstationToken: () => string | null;
  /** How long one request may take: a clerk waits for the answer, so not long. */
  timeoutMs?: number;
};

/** The counter commands, by the route each one posts to. */
export type CounterCommand =
  | { command: 'open' | 'close' | 'resume' | 'callNext' | 'recall' | 'noShow' | 'park' }
  | { command: 'pause'; body: PauseCounterRequest }
  | { command: 'callTicket' | 'bringBack'; body: TicketReference }
  | { command: 'transfer'; body: TransferRequest }
  | { command: 'resumeParked'; body: { ticketId: string } }
  | { command: 'finish'; body: FinishRequest }
  | { command: 'walkIn'; body: WalkInRequest };

export type CounterCommandName = CounterCommand['command'];

/**
 * The workstation's typed client of the central queue engine (docs/queue-engine.md): the
 * counter's state, the site's overview and rules, and the counter commands. Each call carries
 * the workstation's token and the clerk's session; each answer is validated with the contract
 * and each failure classified as the sync client classifies them (see CentralFailure).
 */
export function createQueueClient(options: QueueClientOptions) {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const request = createCentralHttp(options);

  return {
    counter(sessionToken: string): Promise<CentralResult<CounterState>> {
      return request(counterStateSchema, {
        method: 'GET',
        path: queuePaths.counter,
        sessionToken,
        timeoutMs,
      });
    },
    overview(siteId: string, sessionToken: string): Promise<CentralResult<QueueOverview>> {
      return request(queueOverviewSchema, {
        method: 'GET',
        path: queuePaths.overview(siteId),
        sessionToken,
        timeoutMs,
      });
    },
    rules(siteId: string, sessionToken: string): Promise<CentralResult<CallingRulesResponse>> {
      return request(callingRulesResponseSchema, {
        method: 'GET',
        path: queuePaths.rules(siteId),
        sessionToken,
        timeoutMs,
      });
    },
    command(
      sessionToken: string,
      command: CounterCommand,
    ): Promise<CentralResult<CounterCommandResponse>> {
      return request(counterCommandResponseSchema, {
        method: 'POST',
        path: queuePaths[command.command],
        body: 'body' in command ? command.body : {},
        sessionToken,
        timeoutMs,
      });
    },
  };
}

export type QueueClient = ReturnType<typeof createQueueClient>;
