import type {
  ExportRequest,
  ExportResult,
  SupervisorErrorCode,
  SupervisorView,
} from '../../common/contract';
import type { Role } from '../../common/contract/central/auth';
import type { LiveEvent } from '../../common/contract/central/liveEvents';
import { queueChangedEventSchema } from '../../common/contract/central/queue';
import type {
  MoveTicketRequest,
  SendCounterMessageRequest,
  SetCounterCategoriesRequest,
  SetCounterStateRequest,
  SupervisorOverview,
} from '../../common/contract/central/supervisor';
import { workstationStatusEventSchema } from '../../common/contract/central/workstationStatus';
import type { Clock } from '../app/clock';
import { ServiceError } from '../ipc/serviceError';
import type { CentralFailure, CentralResult } from '../sync/centralHttp';
import { systemTimers, type SyncTimers } from '../sync/syncTimers';
import type { SupervisorClient } from './supervisorClient';
import { exportDay, type ExportSaver } from './supervisorExport';

/** The roles the supervisor's window admits (the server checks the same on its routes). */
export const SUPERVISOR_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** The logged-in person as the auth service holds them; the token never leaves main. */
export type SupervisorSession = {
  login: string;
  roles: readonly Role[];
  offline: boolean;
  token: string | null;
};

export type SupervisorServiceOptions = {
  client: Pick<
    SupervisorClient,
    | 'overview'
    | 'setCounterCategories'
    | 'setCounterState'
    | 'moveTicket'
    | 'sendMessage'
    | 'download'
  >;
  /** The site of this PC (the workstation config): the overview is that building's. */
  siteId: string;
  session: () => SupervisorSession | null;
  clock: Clock;
  publish: (view: SupervisorView) => void;
  saver: ExportSaver;
  logger: { warn(details: object, message: string): void };
  timers?: SyncTimers;
  /** Live events closer together than this are one refresh (default 200 ms). */
  debounceMs?: number;
  /** Asked again this often while the window watches, for the waits that grow by themselves. */
  pollMs?: number;
};

export type SupervisorService = ReturnType<typeof createSupervisorService>;

/** The live events after which the overview may have changed. */
const RELEVANT_EVENTS: ReadonlySet<LiveEvent['type']> = new Set([
  'queue.changed',
  'reference.changed',
  'mutation.applied',
  'counter.message',
  'workstation.status',
]);

function supervisorError(code: SupervisorErrorCode, message: string): ServiceError {
  return new ServiceError(code, message);
}

/**
 * The supervisor's window in main: asks the central server for the site's overview, and asks
 * again on each relevant live event (debounced, so a burst of calls is one request) and every
 * `pollMs` while a supervisor watches, pushing `supervisor:overviewChanged`. Every channel
 * checks the role first: a clerk is refused here as the server would refuse them.
 */
export function createSupervisorService(options: SupervisorServiceOptions) {
  const { client, siteId, clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const debounceMs = options.debounceMs ?? 200;
  const pollMs = options.pollMs ?? 30_000;

  let view: SupervisorView = {
    link: 'offline',
    problemCode: null,
    overview: null,
    updatedAt: null,
  };
  /** Whether a supervisor's window has asked: only then do live events cost a request. */
  let watching = false;
  let debounceTimer: unknown = null;
  let pollTimer: unknown = null;
  let inFlight: Promise<SupervisorView> | null = null;
  let askAgain = false;
  let stopped = false;

  /** The session's token, or the refusal: nobody, not a supervisor, an offline session. */
  function sessionToken(): string {
    const session = options.session();
    if (!session) throw supervisorError('not-logged-in', 'Nikt nie jest zalogowany: zaloguj się.');
    if (!session.roles.some((role) => SUPERVISOR_ROLES.includes(role))) {
      throw supervisorError(
        'forbidden',
        'Okno kierownika zmiany jest dostępne tylko dla kierownika (lub administratora).',
      );
    }
    if (session.offline || !session.token) {
      throw supervisorError(
        'offline-session',
        'Zalogowano bez serwera centralnego: zaloguj się ponownie, gdy serwer odpowiada.',
      );
    }
    return session.token;
  }

  function setView(next: SupervisorView): SupervisorView {
    view = next;
    options.publish(view);
    return view;
  }

  function viewAfterFailure(failure: CentralFailure): SupervisorView {
    const problemCode: SupervisorErrorCode =
      failure.kind === 'unauthorized'
        ? 'unauthorized'
        : failure.kind === 'rejected' && failure.status === 403
          ? 'forbidden'
          : failure.kind === 'rejected'
            ? 'refused'
            : 'central-unreachable';
    const link =
      failure.kind === 'unreachable' || failure.kind === 'rate-limited' ? 'offline' : 'refused';
    return { ...view, link, problemCode };
  }

  async function read(token: string): Promise<SupervisorView> {
    const answer = await client.overview(siteId, token);
    if (!answer.ok) {
      logger.warn({ failure: answer.failure.kind }, 'supervisor overview not read');
      return setView(viewAfterFailure(answer.failure));
    }
    return setView(online(answer.value));
  }

  function online(overview: SupervisorOverview): SupervisorView {
    return { link: 'online', problemCode: null, overview, updatedAt: clock.now().toISOString() };
  }

  /** One request at a time; a change during it asks once more after it. */
  function refresh(): Promise<SupervisorView> {
    if (inFlight) {
      askAgain = true;
      return inFlight;
    }
    let token: string;
    try {
      token = sessionToken();
    } catch {
      watching = false;
      return Promise.resolve(view);
    }
    inFlight = read(token).finally(() => {
      inFlight = null;
      if (askAgain && !stopped) {
        askAgain = false;
        void refresh();
      }
    });
    return inFlight;
  }

  function schedulePoll(): void {
    if (pollTimer !== null) timers.clearTimeout(pollTimer);
    pollTimer = null;
    if (!watching || stopped) return;
    pollTimer = timers.setTimeout(() => {
      pollTimer = null;
      void refresh().finally(schedulePoll);
    }, pollMs);
  }

  function unwrap<T>(answer: CentralResult<T>): T {
    if (answer.ok) return answer.value;
    const { failure } = answer;
    switch (failure.kind) {
      case 'unauthorized':
        throw supervisorError('unauthorized', failure.message);
      case 'rejected':
        if (failure.status === 403) throw supervisorError('forbidden', failure.message);
        if (failure.status === 404) throw supervisorError('not-found', failure.message);
        throw supervisorError('refused', failure.message);
      default:
        throw supervisorError('central-unreachable', failure.message);
    }
  }

  /** Runs an action, then answers (and pushes) the overview after it. */
  async function act(run: (token: string) => Promise<CentralResult<unknown>>) {
    const token = sessionToken();
    unwrap(await run(token));
    watching = true;
    return refresh();
  }

  return {
    /** The overview now; the window keeps it fresh from `supervisor:overviewChanged`. */
    async overview(): Promise<SupervisorView> {
      const token = sessionToken();
      const first = !watching;
      watching = true;
      const answer = inFlight ?? read(token);
      const result = await answer;
      if (first) schedulePoll();
      return result;
    },
    setCounterCategories(request: SetCounterCategoriesRequest & { counterId: string }) {
      const { counterId, ...body } = request;
      return act((token) => client.setCounterCategories(siteId, counterId, body, token));
    },
    setCounterState(request: SetCounterStateRequest & { counterId: string }) {
      const { counterId, ...body } = request;
      return act((token) => client.setCounterState(siteId, counterId, body, token));
    },
    moveTicket(request: MoveTicketRequest & { ticketId: string }) {
      const { ticketId, ...body } = request;
      return act((token) => client.moveTicket(siteId, ticketId, body, token));
    },
    sendMessage(request: SendCounterMessageRequest & { counterId: string }) {
      const { counterId, ...body } = request;
      return act((token) => client.sendMessage(siteId, counterId, body, token));
    },
    async export(request: ExportRequest): Promise<ExportResult> {
      const token = sessionToken();
      return exportDay({
        request,
        download: async (what) => unwrap(await client.download(siteId, what, request.day, token)),
        saver: options.saver,
      });
    },

    /** A live event: when it may change the overview, ask again after a short quiet moment. */
    liveEvent(event: LiveEvent): void {
      if (!watching || stopped || !RELEVANT_EVENTS.has(event.type)) return;
      if (event.type === 'queue.changed') {
        const parsed = queueChangedEventSchema.safeParse(event.data);
        if (parsed.success && parsed.data.siteId !== siteId) return;
      }
      if (event.type === 'workstation.status') {
        const parsed = workstationStatusEventSchema.safeParse(event.data);
        if (parsed.success && parsed.data.siteId !== siteId) return;
      }
      if (debounceTimer !== null) return;
      debounceTimer = timers.setTimeout(() => {
        debounceTimer = null;
        void refresh();
      }, debounceMs);
    },

    /** Someone logged in or out: a window left open shows nothing to the next person. */
    sessionChanged(): void {
      const session = options.session();
      if (session && session.roles.some((role) => SUPERVISOR_ROLES.includes(role))) return;
      const shown = watching || view.overview !== null;
      watching = false;
      schedulePoll();
      if (!shown) return;
      setView({
        link: 'refused',
        problemCode: session ? 'forbidden' : 'not-logged-in',
        overview: null,
        updatedAt: null,
      });
    },

    stop(): void {
      stopped = true;
      if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
      if (pollTimer !== null) timers.clearTimeout(pollTimer);
      debounceTimer = null;
      pollTimer = null;
    },
  };
}
