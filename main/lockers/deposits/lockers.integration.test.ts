import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRegistration } from '../../../common/contract/central/cases';
import { systemClock } from '../../app/clock';
import { insertPendingCase } from '../../cases/caseQueries';
import { caseSyncHandlers } from '../../cases/caseSyncHandlers';
import { openDatabase } from '../../db';
import { ServiceError } from '../../ipc/serviceError';
import { createSilentLogger } from '../../logging/logger';
import { createCentralClient } from '../../sync/centralClient';
import { createOutbox, enqueueMutation } from '../../sync/outbox';
import { createSyncEngine } from '../../sync/syncEngine';
import { startRealCentral, type RealCentral } from '../../../test/support/realCentral';
import { createLockerClient } from './lockerClient';
import { createLockerService, type LockerService } from './lockerService';
import { lockerSyncHandlers } from './lockerSyncHandlers';
import { testCaseType, testSite } from './lockerReference.testing';

// The locker desk against the real central server (server/, SQLite file): a case registered and
// marked ready at a counter, deposited at the desk while the server is down, synced when it is
// back; the pickup reported by another desk PC reaches this one through its pull.

const logger = createSilentLogger();

let dir: string;
let central: RealCentral;
const opened: Database.Database[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-lockers-it-'));
  central = await startRealCentral({ file: path.join(dir, 'central.sqlite') });
});

afterEach(async () => {
  await central.stop();
  for (const db of opened.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function sessionOf(login: string): Promise<string> {
  const response = await fetch(`${central.url()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo' }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** A PC: its database, outbox, sync engine and locker service, at a site. */
async function pc(name: string, siteId: string, counterNumber: number, login: string) {
  const db = openDatabase(path.join(dir, `${name}.sqlite`)).db;
  opened.push(db);
  const token = await central.registerWorkstation(siteId, counterNumber);
  const session = await sessionOf(login);
  const lockerSync = lockerSyncHandlers({ clock: systemClock, publish: () => {} });
  const caseSync = caseSyncHandlers({ clock: systemClock, publish: () => {} });
  const engine = createSyncEngine({
    db,
    client: createCentralClient({
      baseUrl: central.url(),
      fetchFn: fetch,
      clock: systemClock,
      workstationToken: () => token,
    }),
    clock: systemClock,
    logger,
    publish: () => {},
    appliedHandlers: { 'case.register': caseSync.applied, ...lockerSync.applied },
    rejectedHandlers: { 'case.register': caseSync.rejected, ...lockerSync.rejected },
  });
  const client = createLockerClient({
    baseUrl: central.url(),
    fetchFn: fetch,
    clock: systemClock,
    workstationToken: () => token,
    timeoutMs: 2_000,
  });
  const lockers: LockerService = createLockerService({
    db,
    clock: systemClock,
    outbox: createOutbox({ db, clock: systemClock, newId: randomUUID, onEnqueued: () => {} }),
    siteId,
    site: testSite,
    caseType: testCaseType,
    userLogin: () => login,
    pullReadyCases: async () => {
      const answer = await client.readyCases(siteId, session);
      return answer.ok
        ? { ok: true, value: answer.value }
        : { ok: false, reason: 'offline', message: answer.failure.message };
    },
    events: { depositChanged: () => {}, readyCasesChanged: () => {} },
  });
  return { db, engine, lockers };
}

function registration(): CaseRegistration {
  return {
    caseId: randomUUID(),
    siteId: 'slaska',
    counterNumber: 1,
    clerkLogin: 'urzednik1',
    caseTypeId: 'dowod-osobisty',
    ticketId: null,
    ticketNumber: null,
    applicant: {
      identity: { kind: 'pesel', pesel: '44051401359' },
      firstName: 'Jan',
      lastName: 'Kowalski',
      address: { street: 'ul. Śląska 12/4', postalCode: '42-217', city: 'Częstochowa' },
      phone: null,
      email: 'jan@example.pl',
    },
    representative: null,
    conditions: [],
    documents: [],
    exemptionId: null,
    feeGrosze: 0,
    fields: {},
    notes: '',
    submittedAt: new Date().toISOString(),
  };
}

describe('the locker desk offline, then synced', () => {
  it('deposits a ready case while the server is down; the server gets it in order', async () => {
    const counter = await pc('counter', 'slaska', 1, 'urzednik1');
    const item = registration();
    counter.db.transaction(() => {
      const mutationId = enqueueMutation(
        counter.db,
        { type: 'case.register', payload: item },
        systemClock,
        randomUUID,
      );
      insertPendingCase(counter.db, item, mutationId);
    })();
    counter.lockers.markReady(item.caseId);
    expect(await counter.engine.syncNow()).toMatchObject({ pending: 0, failed: 0 });

    const desk = await pc('desk', 'focha', 9, 'depozyty');
    const { cases } = await desk.lockers.refreshReadyCases();
    expect(cases).toMatchObject([
      { caseId: item.caseId, applicantInitials: 'J.K.', contact: { sms: false, email: true } },
    ]);

    await central.stop();
    await expect(desk.lockers.refreshReadyCases()).rejects.toBeInstanceOf(ServiceError);
    const { depositId } = desk.lockers.prepare(item.caseId, 'small');
    desk.lockers.markLabelPrinted(depositId);
    expect(desk.lockers.deposit(depositId)).toMatchObject({ state: 'deposited', sync: 'pending' });
    expect(await desk.engine.syncNow()).toMatchObject({ online: false, pending: 3 });

    await central.start();
    expect(await desk.engine.syncNow()).toMatchObject({ online: true, pending: 0, failed: 0 });
    expect(desk.lockers.get(depositId)).toMatchObject({ state: 'deposited', sync: 'synced' });

    // Another desk PC of the urzędomat records the pickup; this one learns it at its next pull.
    const other = await pc('desk-2', 'focha', 10, 'depozyty');
    other.db.transaction(() =>
      enqueueMutation(
        other.db,
        {
          type: 'locker.transition',
          payload: { depositId, to: 'picked-up', at: new Date().toISOString(), by: 'urzedomat' },
        },
        systemClock,
        randomUUID,
      ),
    )();
    expect(await other.engine.syncNow()).toMatchObject({ pending: 0, failed: 0 });
    await desk.lockers.refreshReadyCases();
    expect(desk.lockers.get(depositId)).toMatchObject({ state: 'picked-up', sync: 'synced' });
  }, 60_000);
});
