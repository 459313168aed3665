import type {
  Appointment,
  CallingRules,
  CallingRulesResponse,
  CheckInResponse,
  CounterCommandResponse,
  CounterState,
  DisplayState,
  FinishRequest,
  IssueTicketResponse,
  KioskState,
  PauseReason,
  QueueChangedEvent,
  QueueOverview,
  RedirectTicketRequest,
  Ticket,
  TicketReference,
  TransferRequest,
  WalkInRequest,
} from '../../common/contract/central/queue';
import type { Clock } from '../clock';
import type { LiveEventPublisher } from '../events/liveEventPublisher';
import type { CentralStore } from '../store/openCentralStore';
import { importAppointments } from './appointments';
import { callNext } from './callNext';
import { checkRulesAgainstSite, readCallingRules, writeCallingRules } from './callingRules';
import { checkInAppointment } from './checkInAppointment';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from './counterShift';
import { readCounterState } from './counterView';
import { issueTicket, type IssueTicketInput } from './issueTicket';
import { queueEvent, type ClerkAtCounter, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { counterOf, createQueueReferenceCache, siteOf } from './queueReference';
import { displayState, kioskState, queueOverview } from './queueViews';
import { redirectTicket, type RedirectTarget } from './redirectTicket';
import { inQueueTransaction } from './queueTransaction';
import { SITE_TIME_ZONE, siteLocalTime } from '../../common/domain/siteClock';
import {
  finishVisit,
  markNoShow,
  parkTicket,
  recallTicket,
  transferTicket,
} from './ticketAtCounter';
import {
  bringBackNoShow,
  callTicketOutOfOrder,
  resumeParkedTicket,
  startWalkIn,
} from './ticketRecovery';

export type QueueEngineOptions = {
  store: CentralStore;
  clock: Clock;
  /** Told of every change after it commits (`queue.changed`). */
  liveEvents: LiveEventPublisher;
  /** Where a failed announcement is logged (the change itself has committed). */
  logger: { error(details: object, message: string): void };
  timeZone?: string;
};

/** The central queue engine: every command commits, journals, then announces `queue.changed`. */
export type QueueEngine = {
  deps: QueueDeps;
  issueTicket(input: IssueTicketInput): Promise<IssueTicketResponse>;
  checkIn(siteId: string, bookingCode: string): Promise<CheckInResponse>;
  /** A waiting ticket to another category: by its id, or at a site by today's number. */
  redirect(
    target: RedirectTarget,
    request: RedirectTicketRequest,
    actor: { login: string; siteId: string | null },
  ): Promise<{ ticket: Ticket }>;
  counterState(counterId: string): Promise<CounterState>;
  open(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  close(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  pause(actor: ClerkAtCounter, reason: PauseReason): Promise<CounterCommandResponse>;
  resume(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  callNext(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  callTicket(actor: ClerkAtCounter, ticket: TicketReference): Promise<CounterCommandResponse>;
  recall(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  noShow(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  bringBack(actor: ClerkAtCounter, ticket: TicketReference): Promise<CounterCommandResponse>;
  transfer(actor: ClerkAtCounter, request: TransferRequest): Promise<CounterCommandResponse>;
  park(actor: ClerkAtCounter): Promise<CounterCommandResponse>;
  resumeParked(actor: ClerkAtCounter, ticketId: string): Promise<CounterCommandResponse>;
  finish(actor: ClerkAtCounter, request: FinishRequest): Promise<CounterCommandResponse>;
  walkIn(actor: ClerkAtCounter, request: WalkInRequest): Promise<CounterCommandResponse>;
  overview(siteId: string): Promise<QueueOverview>;
  display(siteId: string): Promise<DisplayState>;
  kiosk(siteId: string): Promise<KioskState>;
  rules(siteId: string): Promise<CallingRulesResponse>;
  setRules(siteId: string, rules: CallingRules, actor: string): Promise<CallingRulesResponse>;
  importAppointments(
    siteId: string,
    appointments: readonly Appointment[],
    options?: { demo?: boolean },
  ): Promise<{ added: number }>;
};

export function createQueueEngine(options: QueueEngineOptions): QueueEngine {
  const deps: QueueDeps = {
    store: options.store,
    clock: options.clock,
    reference: createQueueReferenceCache(options.store),
    timeZone: options.timeZone ?? SITE_TIME_ZONE,
  };

  async function announce(events: readonly QueueChangedEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await options.liveEvents.publish('queue.changed', event);
      } catch (error) {
        // Committed already: panels catch up on their next refresh.
        options.logger.error(
          { err: error, change: event.change },
          'could not publish queue.changed',
        );
      }
    }
  }

  async function run<T>(outcome: Promise<Outcome<T>>): Promise<T> {
    const { value, events } = await outcome;
    await announce(events);
    return value;
  }

  return {
    deps,
    issueTicket: (input) => run(issueTicket(deps, input)),
    checkIn: (siteId, bookingCode) => run(checkInAppointment(deps, siteId, bookingCode)),
    redirect: (target, request, actor) => run(redirectTicket(deps, target, request, actor)),
    async counterState(counterId) {
      const reference = await deps.reference.current();
      const counter = counterOf(reference, counterId);
      return readCounterState(
        deps.store.db,
        counter,
        siteLocalTime(deps.clock.now(), deps.timeZone).day,
      );
    },
    open: (actor) => run(openCounter(deps, actor)),
    close: (actor) => run(closeCounter(deps, actor)),
    pause: (actor, reason) => run(pauseCounter(deps, actor, reason)),
    resume: (actor) => run(resumeCounter(deps, actor)),
    callNext: (actor) => run(callNext(deps, actor)),
    callTicket: (actor, ticket) => run(callTicketOutOfOrder(deps, actor, ticket)),
    recall: (actor) => run(recallTicket(deps, actor)),
    noShow: (actor) => run(markNoShow(deps, actor)),
    bringBack: (actor, ticket) => run(bringBackNoShow(deps, actor, ticket)),
    transfer: (actor, request) => run(transferTicket(deps, actor, request)),
    park: (actor) => run(parkTicket(deps, actor)),
    resumeParked: (actor, ticketId) => run(resumeParkedTicket(deps, actor, ticketId)),
    finish: (actor, request) => run(finishVisit(deps, actor, request)),
    walkIn: (actor, request) => run(startWalkIn(deps, actor, request)),
    overview: (siteId) => queueOverview(deps, siteId),
    display: (siteId) => displayState(deps, siteId),
    kiosk: (siteId) => kioskState(deps, siteId),
    rules: async (siteId) => {
      siteOf(await deps.reference.current(), siteId);
      return readCallingRules(deps.store.db, siteId);
    },
    async setRules(siteId, rules, actor) {
      const reference = await deps.reference.current();
      siteOf(reference, siteId);
      checkRulesAgainstSite(reference, siteId, rules);
      const now = deps.clock.now();
      await inQueueTransaction(deps.store, async (tx) => {
        await writeCallingRules(tx, siteId, rules, actor, now);
        await writeJournal(tx, {
          siteId,
          day: siteLocalTime(now, deps.timeZone).day,
          at: now,
          action: 'rules-changed',
          actor,
          details: { rules },
        });
      });
      await announce([queueEvent(siteId, 'rules-changed')]);
      return readCallingRules(deps.store.db, siteId);
    },
    importAppointments: (siteId, appointments, importOptions) =>
      importAppointments(deps, siteId, appointments, importOptions),
  };
}
