import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  canTransition,
  LOCKER_PICKUP_DAYS,
  type DepositState,
  type ReadyCase,
  type ReadyCasesResponse,
} from '../../../common/contract/central/lockers';
import type { CaseType, Site } from '../../../common/contract/central/reference';
import type { CompartmentSize } from '../../../common/contract/lockerLabel';
import type {
  CaseDepositability,
  DepositListFilter,
  DepositRefusal,
  LockerDeposit,
  LockerReadyCase,
  LockerReadyCases,
} from '../../../common/contract/lockers';
import {
  depositRefusal,
  lastPickupDayFor,
  lockerDayOf,
} from '../../../common/domain/lockerDeposits';
import { addDays } from '../../../common/domain/civilDate';
import type { Clock } from '../../app/clock';
import { ServiceError } from '../../ipc/serviceError';
import type { Outbox } from '../../sync/outbox';
import { generateDepositId, type RandomBytes } from '../labels/depositId';
import type { LockerLabelInput } from '../labels/labelModel';
import {
  findActiveDepositOfCase,
  findDeposit,
  insertDeposit,
  listActiveDeposits,
  listOverdueDeposits,
  listRecentDeposits,
  recordTransition,
  type StoredDeposit,
} from './depositQueries';
import { depositView } from './depositView';
import { findLocalCase, type LocalCase } from './localCases';
import {
  findReadyCase,
  findReadyCaseByNumber,
  findReadyMark,
  listReadyCases,
  readyCasesRefreshedAt,
  recordReadyMark,
  replaceReadyCases,
} from './readyCaseQueries';
import { notYetInListMessage, refusalMessages } from './refusalMessages';

/** How long `lockers:list` with `all` looks back. */
export const RECENT_DEPOSITS_DAYS = 90;

/** What pulling the ready cases gave: the answer, or why there is none. */
export type ReadyCasesPull =
  | { ok: true; value: ReadyCasesResponse }
  | { ok: false; reason: 'no-session' | 'offline'; message: string };

export type LockerEvents = {
  depositChanged(deposit: LockerDeposit): void;
  readyCasesChanged(change: { refreshedAt: string; count: number }): void;
};

export type LockerServiceOptions = {
  db: Database.Database;
  clock: Clock;
  outbox: Outbox;
  /** This PC's site: its locker takes the deposits. */
  siteId: string;
  /** From the reference mirror. */
  site: (siteId: string) => Site | null;
  caseType: (caseTypeId: string) => CaseType | null;
  /** The login of whoever is logged in; null when nobody is. */
  userLogin: () => string | null;
  /** Asks the central server for the ready cases (with the session of whoever is logged in). */
  pullReadyCases: () => Promise<ReadyCasesPull>;
  events: LockerEvents;
  randomBytes?: RandomBytes;
};

type Transition = Exclude<DepositState, 'prepared'>;

/**
 * The locker desk's deposits (docs/lockers.md), offline first: every change is written here and
 * put in the outbox in one transaction (`locker.deposit`, `locker.transition`), so the desk
 * works without the central server and the server hears of everything, in order. The ready
 * cases come from a cache the desk pulls; pickups reported to the server come back the same way.
 */
export function createLockerService(options: LockerServiceOptions) {
  const { db, clock, outbox } = options;
  const randomBytes: RandomBytes = options.randomBytes ?? ((count) => cryptoRandomBytes(count));

  const now = () => clock.now().toISOString();
  const today = () => lockerDayOf(clock.now());

  function user(): string {
    const login = options.userLogin();
    if (login === null) throw new ServiceError('no-session', 'Nikt nie jest zalogowany.');
    return login;
  }

  const view = (deposit: StoredDeposit): LockerDeposit => depositView(deposit, today());

  function required(depositId: string): StoredDeposit {
    const deposit = findDeposit(db, depositId);
    if (!deposit) throw new ServiceError('unknown-deposit', `Nie ma depozytu ${depositId}.`);
    return deposit;
  }

  function caseTypeName(caseTypeId: string): string {
    return options.caseType(caseTypeId)?.name ?? caseTypeId;
  }

  function withName(item: ReadyCase): LockerReadyCase {
    return { ...item, caseTypeName: caseTypeName(item.caseTypeId) };
  }

  function readyCases(): LockerReadyCases {
    return {
      cases: listReadyCases(db).map(withName),
      refreshedAt: readyCasesRefreshedAt(db),
    };
  }

  /**
   * Whether a case can be deposited here, from what the desk knows offline: the ready cases it
   * pulled, the cases registered at this PC, the ready marks made here, its own deposits.
   */
  function depositability(
    caseId: string | null,
    caseNumber: string | null,
  ): {
    refusal: DepositRefusal | null;
    message: string | null;
    ready: ReadyCase | null;
    local: LocalCase | null;
  } {
    const ready = caseId
      ? findReadyCase(db, caseId)
      : caseNumber
        ? findReadyCaseByNumber(db, caseNumber)
        : null;
    const local = ready
      ? null
      : findLocalCase(db, caseId ? { caseId } : { caseNumber: caseNumber ?? '' });
    const id = ready?.caseId ?? local?.caseId ?? null;
    const typeId = ready?.caseTypeId ?? local?.caseTypeId ?? null;
    const refusal = depositRefusal({
      siteHasLocker: options.site(options.siteId)?.hasLocker === true,
      caseKnown: ready !== null || local !== null,
      // A case in the pulled list passed the server's own check of its type.
      lockerPickup:
        ready !== null || (typeId !== null && options.caseType(typeId)?.lockerPickup === true),
      ready: ready !== null || (id !== null && findReadyMark(db, id) !== null),
      hasActiveDeposit: id !== null && findActiveDepositOfCase(db, id) !== null,
      hasContact: ready ? ready.contact.sms || ready.contact.email : (local?.hasContact ?? false),
    });
    if (refusal) return { refusal, message: refusalMessages[refusal], ready, local };
    if (!ready) {
      // Eligible and marked ready at this PC, but not yet in the list from the server.
      return { refusal: 'not-ready', message: notYetInListMessage, ready, local };
    }
    return { refusal: null, message: null, ready, local };
  }

  function checkCase(request: { caseId: string } | { caseNumber: string }): CaseDepositability {
    const caseId = 'caseId' in request ? request.caseId : null;
    const caseNumber = 'caseNumber' in request ? request.caseNumber : null;
    const decided = depositability(caseId, caseNumber);
    return {
      caseId: decided.ready?.caseId ?? decided.local?.caseId ?? caseId,
      caseNumber: decided.ready?.caseNumber ?? decided.local?.caseNumber ?? caseNumber,
      depositable: decided.refusal === null,
      refusal: decided.refusal,
    };
  }

  function publish(depositId: string): LockerDeposit {
    const deposit = view(required(depositId));
    options.events.depositChanged(deposit);
    return deposit;
  }

  function prepare(caseId: string, compartmentSize: CompartmentSize): LockerDeposit {
    const by = user();
    const decided = depositability(caseId, null);
    if (decided.refusal !== null || !decided.ready) {
      const refusal = decided.refusal ?? 'unknown-case';
      throw new ServiceError(refusal, decided.message ?? refusalMessages[refusal]);
    }
    const ready = decided.ready;
    const depositId = generateDepositId(randomBytes);
    const at = now();
    const depositDate = today();
    const lastPickupDay = lastPickupDayFor(depositDate, LOCKER_PICKUP_DAYS);
    db.transaction(() => {
      insertDeposit(db, {
        depositId,
        caseId: ready.caseId,
        caseNumber: ready.caseNumber,
        caseTypeId: ready.caseTypeId,
        applicantInitials: ready.applicantInitials,
        siteId: options.siteId,
        compartmentSize,
        depositDate,
        lastPickupDay,
        createdAt: at,
        by,
      });
      outbox.enqueue({
        type: 'locker.deposit',
        payload: {
          depositId,
          caseId: ready.caseId,
          siteId: options.siteId,
          compartmentSize,
          depositDate,
          lastPickupDay,
          at,
          by,
        },
      });
    })();
    return publish(depositId);
  }

  const stateNames: Record<DepositState, string> = {
    prepared: 'przygotowany',
    'label-printed': 'z wydrukowaną etykietą',
    deposited: 'w urzędomacie',
    'picked-up': 'odebrany',
    expired: 'przeterminowany',
    returned: 'zwrócony do urzędu',
  };

  /** Moves a deposit on, here and through the outbox; refuses a move out of order. */
  function transition(depositId: string, to: Transition, by: string): LockerDeposit {
    const deposit = required(depositId);
    if (!canTransition(deposit.state, to)) {
      throw new ServiceError(
        'wrong-state',
        `Depozyt ${depositId} jest ${stateNames[deposit.state]}; nie może przejść w stan „${stateNames[to]}”.`,
      );
    }
    const at = now();
    db.transaction(() => {
      recordTransition(db, depositId, { state: to, at, by }, true);
      outbox.enqueue({ type: 'locker.transition', payload: { depositId, to, at, by } });
    })();
    return publish(depositId);
  }

  /**
   * The label's print job finished (called by the label printing, main/lockers/printing). A
   * reprint of a deposit already past `prepared` changes nothing; an unknown id is ignored.
   */
  function markLabelPrinted(depositId: string): LockerDeposit | null {
    const deposit = findDeposit(db, depositId);
    if (!deposit) return null;
    if (deposit.state !== 'prepared') return view(deposit);
    return transition(depositId, 'label-printed', options.userLogin() ?? 'system');
  }

  /** Moves every deposit past its last day of pickup to `expired`; answers how many. */
  function expireOverdue(): number {
    const overdue = listOverdueDeposits(db, today());
    const by = options.userLogin() ?? 'system';
    for (const deposit of overdue) transition(deposit.depositId, 'expired', by);
    return overdue.length;
  }

  /**
   * Takes in what the server knows of this site's deposits: a state it reached that this desk
   * has not (a pickup the locker reported) is recorded here, unless the desk still has its own
   * changes of that deposit in the outbox (they go first; the next pull settles it).
   */
  function applyServerDeposits(states: ReadyCasesResponse['deposits']): string[] {
    const changed: string[] = [];
    for (const server of states) {
      const local = findDeposit(db, server.depositId);
      if (!local || local.pendingMutations > 0 || local.state === server.state) continue;
      if (!canTransition(local.state, server.state)) continue;
      recordTransition(
        db,
        server.depositId,
        { state: server.state, at: server.stateAt, by: server.stateBy },
        false,
      );
      changed.push(server.depositId);
    }
    return changed;
  }

  async function refreshReadyCases(): Promise<LockerReadyCases> {
    const pulled = await options.pullReadyCases();
    if (!pulled.ok) throw new ServiceError(pulled.reason, pulled.message);
    const refreshedAt = now();
    const changed = db.transaction(() => {
      replaceReadyCases(db, pulled.value.cases, refreshedAt);
      return applyServerDeposits(pulled.value.deposits);
    })();
    for (const depositId of changed) publish(depositId);
    const answer = readyCases();
    options.events.readyCasesChanged({ refreshedAt, count: answer.cases.length });
    return answer;
  }

  function list(filter: DepositListFilter): LockerDeposit[] {
    if (filter === 'all') {
      const since = `${addDays(today(), -RECENT_DEPOSITS_DAYS)}T00:00:00.000Z`;
      return listRecentDeposits(db, since).map(view);
    }
    const active = listActiveDeposits(db).map(view);
    return filter === 'active'
      ? active
      : active.filter((deposit) => deposit.expiry === 'expiring' || deposit.expiry === 'expired');
  }

  /** The counter clerk marks a case's result ready (the case view); once per case. */
  function markReady(caseId: string): { caseId: string; readyAt: string } {
    const by = user();
    const known = findReadyCase(db, caseId) ?? findLocalCase(db, { caseId });
    if (!known) {
      throw new ServiceError('unknown-case', 'Tej sprawy nie ma na tym komputerze.');
    }
    const existing = findReadyMark(db, caseId);
    if (existing) return { caseId, readyAt: existing.readyAt };
    const at = now();
    db.transaction(() => {
      recordReadyMark(db, { caseId, readyAt: at, readyBy: by });
      outbox.enqueue({ type: 'case.markReady', payload: { caseId, at, by } });
    })();
    return { caseId, readyAt: at };
  }

  /** For the case view: ready or not (as this PC knows it), eligible, and its deposit. */
  function caseReadiness(caseId: string) {
    const cached = findReadyCase(db, caseId);
    const local = cached ? null : findLocalCase(db, { caseId });
    const typeId = cached?.caseTypeId ?? local?.caseTypeId ?? null;
    const caseType = typeId === null ? null : options.caseType(typeId);
    const deposit = findActiveDepositOfCase(db, caseId);
    return {
      caseId,
      readyAt: findReadyMark(db, caseId)?.readyAt ?? cached?.readyAt ?? null,
      lockerPickup: cached ? true : caseType ? caseType.lockerPickup : null,
      deposit: deposit ? view(deposit) : null,
    };
  }

  /**
   * What the label of a deposit needs (main/lockers/labels/labelModel.ts), for the label
   * printing; null for an unknown deposit. The desk knows the resident's initials only, so the
   * name given is the initials' letters, which is all the label prints of it anyway.
   */
  function labelInputForDeposit(depositId: string): LockerLabelInput | null {
    const deposit = findDeposit(db, depositId);
    if (!deposit) return null;
    const [first = '', last = ''] = Array.from(
      deposit.applicantInitials.matchAll(/(\p{L})\./gu),
      (match) => match[1] ?? '',
    );
    const site = options.site(deposit.siteId);
    return {
      caseNumber: deposit.caseNumber,
      depositId: deposit.depositId,
      compartmentSize: deposit.compartmentSize,
      siteName: site?.name ?? deposit.siteId,
      depositDate: deposit.depositDate,
      lastPickupDay: deposit.lastPickupDay,
      resident: { firstName: first, lastName: last },
    };
  }

  return {
    readyCases,
    refreshReadyCases,
    checkCase,
    prepare,
    markLabelPrinted,
    deposit: (depositId: string) => transition(depositId, 'deposited', user()),
    markPickedUp: (depositId: string) => transition(depositId, 'picked-up', user()),
    returnToOffice: (depositId: string) => transition(depositId, 'returned', user()),
    expire: (depositId: string) => transition(depositId, 'expired', user()),
    expireOverdue,
    get: (depositId: string) => view(required(depositId)),
    list,
    markReady,
    caseReadiness,
    labelInputForDeposit,
  };
}

export type LockerService = ReturnType<typeof createLockerService>;
