import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRegistration } from '../../common/contract/central/cases';
import {
  lockerPaths,
  readyCasesResponseSchema,
  type DepositState,
  type LockerDepositMutation,
} from '../../common/contract/central/lockers';
import {
  pushResponseSchema,
  type Mutation,
  type MutationResult,
} from '../../common/contract/central/sync';
import type { CentralApp } from '../http/centralContext';
import { dispatchNotifications } from '../notifications/dispatchNotifications';
import { createLoggingSender } from '../notifications/notificationSender';
import {
  buildTestServer,
  loginAs,
  manualClock,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';
import { verifyPickupCode } from './pickupCode';

// Demo reference data: `dowod-osobisty` allows the locker, `zameldowanie` does not; `focha`
// has the locker, `slaska` has none.
const ELIGIBLE = 'dowod-osobisty';
const NOT_ELIGIBLE = 'zameldowanie';
const PHONE = '+48 601 234 567';

const registration = (overrides: Partial<CaseRegistration> = {}): CaseRegistration => ({
  caseId: randomUUID(),
  siteId: 'slaska',
  counterNumber: 1,
  clerkLogin: 'urzednik1',
  caseTypeId: ELIGIBLE,
  ticketId: null,
  ticketNumber: null,
  applicant: {
    identity: { kind: 'pesel', pesel: '44051401359' },
    firstName: 'Jan',
    lastName: 'Kowalski',
    address: { street: 'ul. Śląska 12/4', postalCode: '42-217', city: 'Częstochowa' },
    phone: PHONE,
    email: null,
  },
  representative: null,
  conditions: [],
  documents: [],
  exemptionId: null,
  feeGrosze: 0,
  fields: {},
  notes: '',
  submittedAt: '2026-09-01T07:15:00.000Z',
  ...overrides,
});

const mutation = (type: string, payload: unknown): Mutation => ({
  id: randomUUID(),
  type,
  payload,
  createdAt: '2026-09-01T08:00:00.000Z',
});

let depositCounter = 0;
const newDepositId = () => `DEP-${String(++depositCounter).padStart(10, '0')}`;

const reasonOf = (result: MutationResult | undefined): string =>
  result?.status === 'rejected' ? result.reason : `not rejected: ${JSON.stringify(result)}`;
const stateOf = (result: MutationResult | undefined): unknown =>
  result?.status === 'applied' ? result.result.state : `not applied: ${JSON.stringify(result)}`;

describe.each(storeKinds)('the urzędomat on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let counter: { 'x-okienko-workstation': string };
  let desk: { 'x-okienko-workstation': string };
  let logLines: string[];
  let answers: string[];
  let clock: ReturnType<typeof manualClock>;

  const push = async (as: typeof desk, ...mutations: Mutation[]): Promise<MutationResult[]> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: as,
      payload: { mutations },
    });
    answers.push(response.body);
    expect(response.statusCode, response.body).toBe(200);
    return pushResponseSchema.parse(response.json()).results;
  };
  const registerCase = async (overrides: Partial<CaseRegistration> = {}) => {
    const payload = registration(overrides);
    const [result] = await push(counter, mutation('case.register', payload));
    expect(result?.status).toBe('applied');
    return payload.caseId;
  };
  const markReady = (caseId: string) =>
    push(
      counter,
      mutation('case.markReady', { caseId, at: clock.now().toISOString(), by: 'urzednik1' }),
    );
  const depositPayload = (caseId: string, overrides: Partial<LockerDepositMutation> = {}) => ({
    depositId: newDepositId(),
    caseId,
    siteId: 'focha',
    compartmentSize: 'small',
    depositDate: '2026-09-01',
    lastPickupDay: '2026-09-08',
    at: clock.now().toISOString(),
    by: 'depozyty',
    ...overrides,
  });
  const prepare = async (caseId: string) => {
    const payload = depositPayload(caseId);
    const [result] = await push(desk, mutation('locker.deposit', payload));
    return { depositId: payload.depositId, result };
  };
  const transition = (depositId: string, to: DepositState) =>
    push(
      desk,
      mutation('locker.transition', {
        depositId,
        to,
        at: clock.now().toISOString(),
        by: 'depozyty',
      }),
    );
  const notifications = () =>
    test.store.db.selectFrom('notification_outbox').selectAll().orderBy('created_at').execute();
  const readyCases = async (login = 'depozyty', siteId = 'focha') => {
    const response = await app.inject({
      method: 'GET',
      url: lockerPaths.readyCases(siteId),
      headers: await loginAs(app, login),
    });
    answers.push(response.body);
    return response;
  };

  beforeEach(async () => {
    test = await openTestStore(kind);
    clock = manualClock('2026-09-01T08:00:00.000Z');
    logLines = [];
    answers = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    app = await buildTestServer(test.store, { clock, logger });
    counter = await workstationHeaders(test.store);
    desk = await workstationHeaders(test.store, 'pc-focha-desk', 'focha', null);
  });
  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  it('deposits only a case of a locker-eligible type whose result is ready, and says why not', async () => {
    const notReady = await registerCase();
    expect(reasonOf((await prepare(notReady)).result)).toMatch(/not marked ready/);

    const notEligible = await registerCase({ caseTypeId: NOT_ELIGIBLE });
    await markReady(notEligible);
    expect(reasonOf((await prepare(notEligible)).result)).toMatch(/does not allow pickup/);

    const noContact = await registerCase({
      applicant: { ...registration().applicant, phone: null, email: null },
    });
    await markReady(noContact);
    expect(reasonOf((await prepare(noContact)).result)).toMatch(/neither a phone number/);

    expect(reasonOf((await prepare(randomUUID())).result)).toMatch(/not in the register/);

    await markReady(notReady);
    const first = await prepare(notReady);
    expect(stateOf(first.result)).toBe('prepared');
    // A second deposit of the same case while the first is under way.
    expect(reasonOf((await prepare(notReady)).result)).toMatch(/already has a deposit/);
  });

  it('refuses a deposit at a site without a locker, and a last day that is not deposit + 7', async () => {
    const caseId = await registerCase();
    await markReady(caseId);
    const [atSlaska] = await push(
      counter,
      mutation('locker.deposit', depositPayload(caseId, { siteId: 'slaska' })),
    );
    expect(reasonOf(atSlaska)).toMatch(/has no locker/);
    const [wrongDay] = await push(
      desk,
      mutation('locker.deposit', depositPayload(caseId, { lastPickupDay: '2026-09-30' })),
    );
    expect(reasonOf(wrongDay)).toMatch(/7 days after the deposit date \(2026-09-08\)/);
  });

  it('moves a deposit only in order, answers a repeat with its state, and keeps a dated history', async () => {
    const caseId = await registerCase();
    await markReady(caseId);
    const { depositId } = await prepare(caseId);

    expect(reasonOf((await transition(depositId, 'deposited'))[0])).toMatch(
      /is prepared; it cannot become deposited/,
    );
    expect(stateOf((await transition(depositId, 'label-printed'))[0])).toBe('label-printed');
    // A reprint reports label-printed again: the same state, no error.
    expect(stateOf((await transition(depositId, 'label-printed'))[0])).toBe('label-printed');
    clock.advance(60_000);
    expect(stateOf((await transition(depositId, 'deposited'))[0])).toBe('deposited');
    // Sent again under a new mutation id (a reinstalled PC): still one code, one message.
    expect(stateOf((await transition(depositId, 'deposited'))[0])).toBe('deposited');
    expect(await notifications()).toHaveLength(1);
    expect(stateOf((await transition(depositId, 'picked-up'))[0])).toBe('picked-up');
    expect(reasonOf((await transition(depositId, 'returned'))[0])).toMatch(
      /is picked-up; it cannot become returned/,
    );

    const row = await test.store.db
      .selectFrom('locker_deposits')
      .select(['history', 'state', 'state_by'])
      .where('deposit_id', '=', depositId)
      .executeTakeFirstOrThrow();
    const history = (typeof row.history === 'string' ? JSON.parse(row.history) : row.history) as {
      state: string;
      at: string;
      by: string;
    }[];
    expect(history.map((entry) => entry.state)).toEqual([
      'prepared',
      'label-printed',
      'deposited',
      'picked-up',
    ]);
    expect(history.every((entry) => entry.by === 'depozyty' && entry.at.endsWith('Z'))).toBe(true);

    // After pickup the case may be deposited again (a second document of the case).
    expect(stateOf((await prepare(caseId)).result)).toBe('prepared');
  });

  it('replays a pushed mutation with its first answer', async () => {
    const caseId = await registerCase();
    await markReady(caseId);
    const payload = depositPayload(caseId);
    const same = mutation('locker.deposit', payload);
    const [first] = await push(desk, same);
    const [again] = await push(desk, same);
    expect(again).toEqual(first);
    expect(stateOf(first)).toBe('prepared');
  });

  it('makes the pickup code at deposit: stored hashed, in the outbox until sent, never in an answer or the log', async () => {
    const caseId = await registerCase();
    await markReady(caseId);
    const { depositId } = await prepare(caseId);
    await transition(depositId, 'label-printed');
    const [deposited] = await transition(depositId, 'deposited');
    expect(deposited).toMatchObject({ status: 'applied', result: { notifiedBy: 'sms' } });

    const [message] = await notifications();
    expect(message).toMatchObject({
      kind: 'locker-pickup-code',
      subject_id: depositId,
      channel: 'sms',
      recipient: PHONE,
      status: 'pending',
    });
    const code = /Kod odbioru: (\d{6})\./.exec(message?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    if (!code) return;
    expect(message?.body).not.toContain('Kowalski');

    const stored = await test.store.db
      .selectFrom('locker_deposits')
      .selectAll()
      .where('deposit_id', '=', depositId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(
      verifyPickupCode(code, {
        hash: stored.pickup_code_hash ?? '',
        salt: stored.pickup_code_salt ?? '',
      }),
    ).toBe(true);
    expect(
      verifyPickupCode(code === '000000' ? '000001' : '000000', {
        hash: stored.pickup_code_hash ?? '',
        salt: stored.pickup_code_salt ?? '',
      }),
    ).toBe(false);

    await transition(depositId, 'deposited');
    expect((await readyCases()).statusCode).toBe(200);

    const senderLines: string[] = [];
    const senderLog = {
      info: (details: Record<string, unknown>, text: string) =>
        senderLines.push(JSON.stringify(details) + text),
      warn: (details: Record<string, unknown>, text: string) =>
        senderLines.push(JSON.stringify(details) + text),
    };
    const sent: string[] = [];
    const sender = createLoggingSender(senderLog);
    expect(
      await dispatchNotifications(
        test.store,
        {
          send: async (outgoing) => {
            sent.push(outgoing.body);
            await sender.send(outgoing);
          },
        },
        clock,
        senderLog,
      ),
    ).toBe(1);
    expect(sent[0]).toContain(code);
    const [after] = await notifications();
    expect(after).toMatchObject({ status: 'sent', body: null, recipient: null });
    // Nothing left to send: the code is nowhere any more.
    expect(await dispatchNotifications(test.store, sender, clock, senderLog)).toBe(0);

    for (const answer of answers) expect(answer).not.toContain(code);
    expect(logLines.join('')).not.toContain(code);
    expect(senderLines.join('')).not.toContain(code);
    expect(senderLines.join('')).not.toContain(PHONE);
  });

  it('keeps a message that the gateway refused pending, and retries it', async () => {
    const caseId = await registerCase();
    await markReady(caseId);
    const { depositId } = await prepare(caseId);
    await transition(depositId, 'label-printed');
    await transition(depositId, 'deposited');
    const quiet = { info: () => undefined, warn: () => undefined };
    const failing = {
      send: async () => {
        throw new Error('gateway down');
      },
    };
    expect(await dispatchNotifications(test.store, failing, clock, quiet)).toBe(0);
    expect(await notifications()).toMatchObject([
      { status: 'pending', attempts: 1, last_error: 'gateway down' },
    ]);
    expect(await dispatchNotifications(test.store, createLoggingSender(quiet), clock, quiet)).toBe(
      1,
    );
    expect(await notifications()).toMatchObject([{ status: 'sent', body: null }]);
  });

  it('serves the desk the ready cases with initials and contact channels only, to the locker role', async () => {
    const ready = await registerCase({
      applicant: { ...registration().applicant, email: 'jan@example.pl' },
    });
    await markReady(ready);
    await registerCase(); // not ready
    const other = await registerCase({ caseTypeId: NOT_ELIGIBLE });
    await markReady(other);
    const deposited = await registerCase();
    await markReady(deposited);
    await prepare(deposited);

    const response = await readyCases();
    expect(response.statusCode, response.body).toBe(200);
    const body = readyCasesResponseSchema.parse(response.json());
    expect(body.cases).toEqual([
      {
        caseId: ready,
        caseNumber: expect.stringMatching(/^SO\.5340\.\d+\.2026$/),
        caseTypeId: ELIGIBLE,
        siteId: 'slaska',
        applicantInitials: 'J.K.',
        contact: { sms: true, email: true },
        readyAt: '2026-09-01T08:00:00.000Z',
      },
    ]);
    expect(body.deposits.map((deposit) => [deposit.caseId, deposit.state])).toEqual([
      [deposited, 'prepared'],
    ]);
    expect(response.body).not.toContain('Kowalski');
    expect(response.body).not.toContain('44051401359');
    expect(response.body).not.toContain('601');
    expect(response.body).not.toContain('jan@example.pl');

    expect((await readyCases('urzednik1')).statusCode).toBe(403);
    expect((await readyCases('kierownik')).statusCode).toBe(200);
    expect((await readyCases('depozyty', 'slaska')).statusCode).toBe(404);
  });

  it('reports a deposit in the locker as expiring on its last two days and expired after', async () => {
    const caseId = await registerCase();
    await markReady(caseId);
    const { depositId } = await prepare(caseId);
    await transition(depositId, 'label-printed');
    await transition(depositId, 'deposited');
    const expiryOn = async (instant: string) => {
      clock.advance(new Date(instant).getTime() - clock.now().getTime());
      const body = readyCasesResponseSchema.parse((await readyCases()).json());
      return body.deposits.find((deposit) => deposit.depositId === depositId)?.expiry;
    };
    expect(await expiryOn('2026-09-06T10:00:00.000Z')).toBe('ok');
    expect(await expiryOn('2026-09-07T10:00:00.000Z')).toBe('expiring');
    // 22:30 UTC on the 8th is 00:30 on the 9th in Warsaw: past the last day.
    expect(await expiryOn('2026-09-08T21:00:00.000Z')).toBe('expiring');
    expect(await expiryOn('2026-09-08T22:30:00.000Z')).toBe('expired');
    expect(stateOf((await transition(depositId, 'expired'))[0])).toBe('expired');
    expect(stateOf((await transition(depositId, 'returned'))[0])).toBe('returned');
  });
});
