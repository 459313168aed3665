import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRegistration } from '../../../common/contract/central/cases';
import type { ReadyCase, ReadyCasesResponse } from '../../../common/contract/central/lockers';
import type { LockerDeposit } from '../../../common/contract/lockers';
import { insertPendingCase } from '../../cases/caseQueries';
import { openDatabase } from '../../db';
import { ServiceError } from '../../ipc/serviceError';
import { createOutbox } from '../../sync/outbox';
import { nextPendingBatch, type OutboxEntry } from '../../sync/outboxQueries';
import { buildLockerLabel } from '../labels/labelModel';
import { createLockerService, type LockerService, type ReadyCasesPull } from './lockerService';
import { lockerSyncHandlers } from './lockerSyncHandlers';
import { createManualTime, type ManualTime } from '../../../test/support/manualTime';
import { testCaseType, testSite } from './lockerReference.testing';

const readyCase = (overrides: Partial<ReadyCase> = {}): ReadyCase => ({
  caseId: randomUUID(),
  caseNumber: 'SO.5340.12.2026',
  caseTypeId: 'dowod-osobisty',
  siteId: 'slaska',
  applicantInitials: 'J.K.',
  contact: { sms: true, email: false },
  readyAt: '2026-09-01T07:00:00.000Z',
  ...overrides,
});

let dir: string;
let db: Database.Database;
let time: ManualTime;
let login: string | null;
let server: ReadyCasesPull;
let published: LockerDeposit[];
let lockers: LockerService;
let siteId: string;

function service(): LockerService {
  return createLockerService({
    db,
    clock: time.clock,
    outbox: createOutbox({ db, clock: time.clock, newId: randomUUID, onEnqueued: () => {} }),
    siteId,
    site: testSite,
    caseType: testCaseType,
    userLogin: () => login,
    pullReadyCases: async () => server,
    events: {
      depositChanged: (deposit) => published.push(deposit),
      readyCasesChanged: () => {},
    },
  });
}

const serverAnswers = (
  cases: ReadyCase[],
  deposits: ReadyCasesResponse['deposits'] = [],
): ReadyCasesPull => ({
  ok: true,
  value: { siteId: 'focha', asOf: time.now().toISOString(), cases, deposits },
});

const outbox = (): OutboxEntry[] => nextPendingBatch(db, 100);

async function refusalOf(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ServiceError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no refusal';
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-lockers-'));
  db = openDatabase(path.join(dir, 'okienko.sqlite')).db;
  time = createManualTime('2026-09-01T08:00:00.000Z');
  login = 'depozyty';
  server = { ok: false, reason: 'offline', message: 'no server' };
  published = [];
  siteId = 'focha';
  lockers = service();
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the ready cases cache', () => {
  it('keeps what the server sent, answers it offline, and hides a case once it has a deposit', async () => {
    const first = readyCase();
    const second = readyCase({
      caseNumber: 'SO.5340.13.2026',
      readyAt: '2026-09-01T07:30:00.000Z',
    });
    server = serverAnswers([first, second]);
    const fresh = await lockers.refreshReadyCases();
    expect(fresh.refreshedAt).toBe('2026-09-01T08:00:00.000Z');
    expect(fresh.cases.map((item) => [item.caseNumber, item.caseTypeName])).toEqual([
      ['SO.5340.13.2026', 'Dowód osobisty'],
      ['SO.5340.12.2026', 'Dowód osobisty'],
    ]);

    server = { ok: false, reason: 'offline', message: 'Brak połączenia' };
    expect(await refusalOf(() => lockers.refreshReadyCases())).toBe('offline: Brak połączenia');
    expect(lockers.readyCases().cases).toHaveLength(2);

    lockers.prepare(first.caseId, 'small');
    expect(lockers.readyCases().cases.map((item) => item.caseId)).toEqual([second.caseId]);

    // The next pull replaces the cache whole: a case no longer ready is gone.
    time.clock.now = () => new Date('2026-09-01T09:00:00.000Z');
    server = serverAnswers([]);
    expect(await lockers.refreshReadyCases()).toEqual({
      cases: [],
      refreshedAt: '2026-09-01T09:00:00.000Z',
    });
  });
});

describe('why a case cannot be deposited', () => {
  const registration = (overrides: Partial<CaseRegistration> = {}): CaseRegistration =>
    ({
      caseId: randomUUID(),
      caseTypeId: 'dowod-osobisty',
      ticketNumber: null,
      feeGrosze: 0,
      clerkLogin: 'urzednik1',
      submittedAt: '2026-08-20T09:00:00.000Z',
      applicant: {
        identity: { kind: 'pesel', pesel: '44051401359' },
        firstName: 'Jan',
        lastName: 'Kowalski',
        address: { street: 'ul. Focha 1', postalCode: '42-217', city: 'Częstochowa' },
        phone: '601234567',
        email: null,
      },
      ...overrides,
    }) as CaseRegistration;
  const registerHere = (overrides: Partial<CaseRegistration> = {}) => {
    const item = registration(overrides);
    insertPendingCase(db, item, randomUUID());
    return item.caseId;
  };

  it('says which rule the case breaks, first the one the clerk can act on', async () => {
    const check = (caseId: string) => lockers.checkCase({ caseId }).refusal;
    expect(check(randomUUID())).toBe('unknown-case');
    expect(lockers.checkCase({ caseNumber: 'SO.5340.99.2026' })).toEqual({
      caseId: null,
      caseNumber: 'SO.5340.99.2026',
      depositable: false,
      refusal: 'unknown-case',
    });
    expect(check(registerHere({ caseTypeId: 'zameldowanie' }))).toBe('not-locker-eligible');
    const notReady = registerHere();
    expect(check(notReady)).toBe('not-ready');
    expect(await refusalOf(() => lockers.prepare(notReady, 'small'))).toMatch(
      /^not-ready: Dokument w tej sprawie nie jest jeszcze oznaczony jako gotowy/,
    );

    // Marked ready here, but not yet in the list the server sends: still not depositable, and
    // the message says what to do.
    lockers.markReady(notReady);
    expect(check(notReady)).toBe('not-ready');
    expect(await refusalOf(() => lockers.prepare(notReady, 'small'))).toMatch(/Odśwież listę/);

    const silent = readyCase({
      caseNumber: 'SO.5340.14.2026',
      contact: { sms: false, email: false },
    });
    const ready = readyCase();
    server = serverAnswers([silent, ready]);
    await lockers.refreshReadyCases();
    expect(check(silent.caseId)).toBe('no-contact');
    expect(lockers.checkCase({ caseNumber: ready.caseNumber })).toEqual({
      caseId: ready.caseId,
      caseNumber: ready.caseNumber,
      depositable: true,
      refusal: null,
    });
    lockers.prepare(ready.caseId, 'medium');
    expect(check(ready.caseId)).toBe('already-deposited');
    expect(await refusalOf(() => lockers.prepare(ready.caseId, 'small'))).toMatch(
      /^already-deposited: /,
    );
  });

  it('refuses every deposit at a site without a locker', async () => {
    const ready = readyCase();
    server = serverAnswers([ready]);
    siteId = 'slaska';
    lockers = service();
    await lockers.refreshReadyCases();
    expect(await refusalOf(() => lockers.prepare(ready.caseId, 'small'))).toBe(
      'no-locker-at-site: Ta lokalizacja nie ma urzędomatu.',
    );
  });

  it('marks a case ready once, through the outbox, and needs someone logged in', async () => {
    const caseId = registerHere();
    const first = lockers.markReady(caseId);
    time.clock.now = () => new Date('2026-09-01T10:00:00.000Z');
    expect(lockers.markReady(caseId)).toEqual(first);
    expect(outbox().map((entry) => [entry.type, entry.payload])).toEqual([
      ['case.markReady', { caseId, at: '2026-09-01T08:00:00.000Z', by: 'depozyty' }],
    ]);
    expect(await refusalOf(() => lockers.markReady(randomUUID()))).toMatch(/^unknown-case: /);
    login = null;
    expect(await refusalOf(() => lockers.markReady(registerHere()))).toMatch(/^no-session: /);
  });
});

describe('a deposit’s life at the desk', () => {
  let ready: ReadyCase;
  beforeEach(async () => {
    ready = readyCase();
    server = serverAnswers([ready]);
    await lockers.refreshReadyCases();
  });

  it('prepares with a deposit id that is also the barcode, dates fixed for the label', () => {
    const deposit = lockers.prepare(ready.caseId, 'large');
    expect(deposit).toMatchObject({
      barcode: deposit.depositId,
      caseNumber: ready.caseNumber,
      applicantInitials: 'J.K.',
      compartmentSize: 'large',
      state: 'prepared',
      depositDate: '2026-09-01',
      lastPickupDay: '2026-09-08',
      expiry: null,
      sync: 'pending',
      history: [{ state: 'prepared', at: '2026-09-01T08:00:00.000Z', by: 'depozyty' }],
    });
    expect(deposit.depositId).toMatch(/^DEP-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(published.map((item) => item.state)).toEqual(['prepared']);
  });

  it('moves only in order, each change dated, signed and in the outbox', async () => {
    const { depositId } = lockers.prepare(ready.caseId, 'small');
    expect(await refusalOf(() => lockers.deposit(depositId))).toMatch(
      /^wrong-state: Depozyt .* jest przygotowany; nie może przejść w stan „w urzędomacie”/,
    );
    time.clock.now = () => new Date('2026-09-01T08:05:00.000Z');
    expect(lockers.markLabelPrinted(depositId)?.state).toBe('label-printed');
    // A reprint changes nothing.
    expect(lockers.markLabelPrinted(depositId)?.state).toBe('label-printed');
    login = 'kierownik';
    time.clock.now = () => new Date('2026-09-01T08:10:00.000Z');
    expect(lockers.deposit(depositId).state).toBe('deposited');
    expect(lockers.markPickedUp(depositId).state).toBe('picked-up');
    expect(await refusalOf(() => lockers.returnToOffice(depositId))).toMatch(/^wrong-state: /);

    expect(lockers.get(depositId).history).toEqual([
      { state: 'prepared', at: '2026-09-01T08:00:00.000Z', by: 'depozyty' },
      { state: 'label-printed', at: '2026-09-01T08:05:00.000Z', by: 'depozyty' },
      { state: 'deposited', at: '2026-09-01T08:10:00.000Z', by: 'kierownik' },
      { state: 'picked-up', at: '2026-09-01T08:10:00.000Z', by: 'kierownik' },
    ]);
    expect(outbox().map((entry) => [entry.type, (entry.payload as { to?: string }).to])).toEqual([
      ['locker.deposit', undefined],
      ['locker.transition', 'label-printed'],
      ['locker.transition', 'deposited'],
      ['locker.transition', 'picked-up'],
    ]);
    expect(lockers.markLabelPrinted('DEP-0000000000')).toBeNull();
    login = null;
    expect(await refusalOf(() => lockers.prepare(ready.caseId, 'small'))).toMatch(/^no-session: /);
  });

  it('shows expiring and expired deposits to take back, and expires the overdue ones', () => {
    const { depositId } = lockers.prepare(ready.caseId, 'small');
    lockers.markLabelPrinted(depositId);
    lockers.deposit(depositId);
    const at = (instant: string) => {
      time.clock.now = () => new Date(instant);
    };
    at('2026-09-06T12:00:00.000Z');
    expect(lockers.list('to-take-back')).toEqual([]);
    expect(lockers.get(depositId).expiry).toBe('ok');
    at('2026-09-07T12:00:00.000Z');
    expect(lockers.list('to-take-back').map((item) => item.expiry)).toEqual(['expiring']);
    at('2026-09-08T21:59:00.000Z');
    expect(lockers.expireOverdue()).toBe(0);
    // Past midnight in Warsaw the last day is over.
    at('2026-09-08T22:01:00.000Z');
    expect(lockers.list('to-take-back').map((item) => item.expiry)).toEqual(['expired']);
    expect(lockers.expireOverdue()).toBe(1);
    expect(lockers.get(depositId)).toMatchObject({ state: 'expired', expiry: 'expired' });
    expect(lockers.returnToOffice(depositId).state).toBe('returned');
    expect(lockers.list('to-take-back')).toEqual([]);
    expect(lockers.list('active')).toEqual([]);
    expect(lockers.list('all').map((item) => item.state)).toEqual(['returned']);
  });

  it('takes a pickup from the server’s list, unless its own changes are still on the way', async () => {
    const { depositId, caseId } = lockers.prepare(ready.caseId, 'small');
    lockers.markLabelPrinted(depositId);
    lockers.deposit(depositId);
    const pickedUp = {
      depositId,
      caseId,
      state: 'picked-up' as const,
      stateAt: '2026-09-02T15:00:00.000Z',
      stateBy: 'urzedomat',
      lastPickupDay: '2026-09-08',
      expiry: null,
    };
    server = serverAnswers([], [pickedUp]);
    await lockers.refreshReadyCases();
    expect(lockers.get(depositId).state).toBe('deposited');

    const sync = lockerSyncHandlers({ clock: time.clock, publish: () => {} });
    for (const entry of outbox()) sync.applied[entry.type as 'locker.deposit'](db, entry, {});
    expect(lockers.get(depositId).sync).toBe('synced');

    await lockers.refreshReadyCases();
    expect(lockers.get(depositId)).toMatchObject({ state: 'picked-up', sync: 'synced' });
    expect(lockers.get(depositId).history.at(-1)).toEqual({
      state: 'picked-up',
      at: '2026-09-02T15:00:00.000Z',
      by: 'urzedomat',
    });
  });

  it('keeps the server’s reason when it refuses a change', async () => {
    const { depositId } = lockers.prepare(ready.caseId, 'small');
    const sync = lockerSyncHandlers({ clock: time.clock, publish: () => {} });
    const [entry] = outbox();
    if (!entry) throw new Error('no outbox entry');
    sync.rejected['locker.deposit'](db, entry, "The case's result is not marked ready.");
    expect(lockers.get(depositId)).toMatchObject({
      sync: 'rejected',
      syncError: "The case's result is not marked ready.",
    });
  });

  it('gives the label what it needs, with the initials only', () => {
    const { depositId } = lockers.prepare(ready.caseId, 'medium');
    const input = lockers.labelInputForDeposit(depositId);
    if (!input) throw new Error('no label input');
    expect(buildLockerLabel(input)).toEqual({
      caseNumber: 'SO.5340.12.2026',
      depositId,
      compartmentSize: 'medium',
      siteName: 'Urząd Miasta — ul. Focha (urzędomat)',
      depositDate: '2026-09-01',
      lastPickupDay: '2026-09-08',
      residentInitials: 'J.K.',
      duplicate: false,
    });
    expect(lockers.labelInputForDeposit('DEP-0000000000')).toBeNull();
  });
});

describe('the case view', () => {
  it('tells whether a case is ready, eligible and deposited', async () => {
    const ready = readyCase();
    expect(lockers.caseReadiness(ready.caseId)).toEqual({
      caseId: ready.caseId,
      readyAt: null,
      lockerPickup: null,
      deposit: null,
    });
    server = serverAnswers([ready]);
    await lockers.refreshReadyCases();
    const { depositId } = lockers.prepare(ready.caseId, 'small');
    expect(lockers.caseReadiness(ready.caseId)).toMatchObject({
      readyAt: ready.readyAt,
      lockerPickup: true,
      deposit: { depositId, state: 'prepared' },
    });
  });
});
