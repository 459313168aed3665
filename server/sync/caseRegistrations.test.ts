import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRegistration } from '../../common/contract/central/cases';
import {
  pushResponseSchema,
  type Mutation,
  type MutationResult,
} from '../../common/contract/central/sync';
import type { CentralApp } from '../http/centralContext';
import { writeReferenceChanges } from '../reference/referenceFeed';
import { fromStoreJson } from '../store/storeValues';
import { vehicleRegistration } from '../testing/caseRegistrationSample';
import {
  buildTestServer,
  openTestStore,
  storeKinds,
  workstationHeaders,
  type TestStore,
} from '../testing/testStores';

// Demo reference data: `rejestracja-pojazdu` is KM's class 5410, `dowod-osobisty` SO's 5340
// and `zameldowanie` SO's 5331.
const VEHICLE = 'rejestracja-pojazdu';
const ID_CARD = 'dowod-osobisty';
const RESIDENCE = 'zameldowanie';

const registration = (overrides: Partial<CaseRegistration> = {}): CaseRegistration =>
  vehicleRegistration({ ticketId: randomUUID(), ticketNumber: 'B017', ...overrides });

const mutation = (payload: unknown): Mutation => ({
  id: randomUUID(),
  type: 'case.register',
  payload,
  createdAt: '2026-03-02T09:15:00.000Z',
});

const caseNumberOf = (result: MutationResult | undefined): string => {
  if (result?.status !== 'applied') throw new Error(`not applied: ${JSON.stringify(result)}`);
  return String(result.result.caseNumber);
};
const reasonOf = (result: MutationResult | undefined): string =>
  result?.status === 'rejected' ? result.reason : `not rejected: ${JSON.stringify(result)}`;

describe.each(storeKinds)('case.register on %s', (kind) => {
  let test: TestStore;
  let app: CentralApp;
  let headers: { 'x-okienko-workstation': string };
  let published: { type: string; data: Record<string, unknown> }[];
  const extraApps: CentralApp[] = [];

  const push = async (
    mutations: readonly Mutation[],
    target = app,
    as = headers,
  ): Promise<MutationResult[]> => {
    const response = await target.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: as,
      payload: { mutations },
    });
    expect(response.statusCode, response.body).toBe(200);
    return pushResponseSchema.parse(response.json()).results;
  };
  const register = async (...payloads: CaseRegistration[]) =>
    (await push(payloads.map(mutation))).map(caseNumberOf);
  const storedCases = () =>
    test.store.db
      .selectFrom('cases')
      .select(['id', 'case_number', 'sequence', 'registration'])
      .orderBy('case_number')
      .execute();

  beforeEach(async () => {
    test = await openTestStore(kind, { poolSize: 20 });
    published = [];
    app = await buildTestServer(test.store, {
      liveEventsObserver: {
        publish: async (type, data) => {
          published.push({ type, data });
        },
      },
    });
    headers = await workstationHeaders(test.store);
  });
  afterEach(async () => {
    for (const other of extraApps.splice(0)) await other.close();
    await app.close();
    await test.dispose();
  });

  it('numbers the cases of a unit, class and year 1, 2, 3, and keeps the registration', async () => {
    const first = registration();
    expect(await register(first)).toEqual(['KM.5410.1.2026']);
    expect(await register(registration(), registration())).toEqual([
      'KM.5410.2.2026',
      'KM.5410.3.2026',
    ]);

    const stored = await storedCases();
    expect(stored.map((row) => row.case_number)).toEqual([
      'KM.5410.1.2026',
      'KM.5410.2.2026',
      'KM.5410.3.2026',
    ]);
    expect(stored[0]?.id).toBe(first.caseId);
    // The central register is where the personal data is kept.
    expect(fromStoreJson(stored[0]?.registration)).toEqual(first);
  });

  it('keeps a run of numbers per class and per unit', async () => {
    expect(
      await register(
        registration({ caseTypeId: ID_CARD }),
        registration({ caseTypeId: VEHICLE }),
        registration({ caseTypeId: RESIDENCE }),
        registration({ caseTypeId: ID_CARD }),
        registration({ caseTypeId: RESIDENCE }),
      ),
    ).toEqual([
      'SO.5340.1.2026',
      'KM.5410.1.2026',
      'SO.5331.1.2026',
      'SO.5340.2.2026',
      'SO.5331.2.2026',
    ]);
  });

  it("starts again at 1 in a new year, by the site's (Warsaw) calendar", async () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Gdynia.
    expect(
      await register(
        registration({ submittedAt: '2026-12-31T22:30:00.000Z' }),
        registration({ submittedAt: '2026-12-31T23:30:00.000Z' }),
        registration({ submittedAt: '2027-01-02T08:00:00.000Z' }),
        registration({ submittedAt: '2026-06-01T08:00:00.000Z' }),
      ),
    ).toEqual(['KM.5410.1.2026', 'KM.5410.1.2027', 'KM.5410.2.2027', 'KM.5410.2.2026']);
  });

  it('answers a replay with the same number and registers the case once', async () => {
    const once = mutation(registration());
    const first = await push([once]);
    expect(first[0]).toEqual({
      id: once.id,
      status: 'applied',
      result: { caseId: (once.payload as CaseRegistration).caseId, caseNumber: 'KM.5410.1.2026' },
    });
    await register(registration());
    expect(await push([once])).toEqual(first);
    expect((await storedCases()).map((row) => row.case_number)).toEqual([
      'KM.5410.1.2026',
      'KM.5410.2.2026',
    ]);
  });

  it('answers the number a case has when another mutation registers the same case id', async () => {
    const payload = registration();
    const [number] = await register(payload);
    // The PC lost the first answer and queued the case again under a new mutation id; and the
    // same case twice in one batch.
    expect(await register(payload)).toEqual([number]);
    const again = registration();
    expect(await register(again, registration(), again)).toEqual([
      'KM.5410.2.2026',
      'KM.5410.3.2026',
      'KM.5410.2.2026',
    ]);
    expect(await storedCases()).toHaveLength(3);
  });

  it('rejects a case type that is unknown or deleted with the reason, without spending a number', async () => {
    await writeReferenceChanges(
      test.store.db,
      test.store.dialect,
      [{ entity: 'caseType', id: ID_CARD, data: null }],
      new Date(),
    );
    const batch = [
      mutation(registration()),
      mutation(registration({ caseTypeId: 'nie-ma-takiej' })),
      mutation(registration({ caseTypeId: ID_CARD })),
      mutation(registration()),
    ];
    const results = await push(batch);
    expect(results.map((result) => result.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(reasonOf(results[1])).toMatch(/case type "nie-ma-takiej" is unknown or was deleted/);
    expect(reasonOf(results[2])).toMatch(/case type "dowod-osobisty" is unknown or was deleted/);
    expect([caseNumberOf(results[0]), caseNumberOf(results[3])]).toEqual([
      'KM.5410.1.2026',
      'KM.5410.2.2026',
    ]);
    // Only the applied ones are announced.
    expect(published).toEqual([
      { type: 'mutation.applied', data: { count: 2, workstationId: 'pc-slaska-1' } },
    ]);
    // The rejection is the mutation's answer for good.
    expect(await push(batch)).toEqual(results);
    const stored = await test.store.db
      .selectFrom('sync_mutations')
      .select(['status', 'reason', 'result'])
      .where('id', '=', batch[1]!.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('rejected');
    expect(stored.reason).toMatch(/nie-ma-takiej/);
    expect(await storedCases()).toHaveLength(2);
  });

  it('rejects a case whose department was deleted: it has no unit symbol', async () => {
    await writeReferenceChanges(
      test.store.db,
      test.store.dialect,
      [{ entity: 'department', id: 'km', data: null }],
      new Date(),
    );
    const [result] = await push([mutation(registration())]);
    expect(reasonOf(result)).toMatch(/department "km" of case type "rejestracja-pojazdu"/);
    expect(await storedCases()).toEqual([]);
  });

  it("rejects a case at another site than the workstation's, or without a clerk", async () => {
    const results = await push([
      mutation(registration({ siteId: 'focha' })),
      mutation(registration({ clerkLogin: '   ' })),
      mutation(registration({ ticketNumber: null })),
      mutation(registration({ applicant: { ...registration().applicant, firstName: '' } })),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(reasonOf(results[0])).toMatch(/site "focha".*site "slaska"/);
    expect(reasonOf(results[1])).toMatch(/no clerk/);
    expect(reasonOf(results[2])).toMatch(/ticketId and ticketNumber/);
    expect(reasonOf(results[3])).toMatch(/applicant\.firstName/);
    expect(await storedCases()).toEqual([]);
  });

  it('gives two workstations pushing at once distinct consecutive numbers in every register', async () => {
    // On PostgreSQL the second workstation goes through a second server process (its own
    // pool); SQLite is one process's store.
    const other = kind === 'postgres' ? await buildTestServer(await test.openAnother()) : app;
    if (other !== app) extraApps.push(other);
    const secondHeaders = await workstationHeaders(test.store, 'pc-slaska-2', 'slaska', 2);
    const BATCHES = 10;
    const PER_BATCH = 5;
    // Each batch numbers in two registers, the workstations in opposite orders: the registers
    // are locked in one order whatever the batch's, or the two would deadlock.
    const batch = (firstType: string, secondType: string) =>
      Array.from({ length: PER_BATCH }, (_, index) =>
        mutation(
          registration({
            caseTypeId: index % 2 === 0 ? firstType : secondType,
            counterNumber: 1,
          }),
        ),
      );
    const pushes = Array.from({ length: BATCHES }, () => [
      push(batch(VEHICLE, ID_CARD), app, headers),
      push(batch(ID_CARD, VEHICLE), other, secondHeaders),
    ]).flat();
    const numbers = (await Promise.all(pushes)).flat().map(caseNumberOf);

    expect(numbers).toHaveLength(2 * BATCHES * PER_BATCH);
    expect(new Set(numbers).size).toBe(numbers.length);
    const sequencesOf = (prefix: string) =>
      numbers
        .filter((number) => number.startsWith(prefix))
        .map((number) => Number(number.split('.')[2]))
        .sort((a, b) => a - b);
    const vehicles = sequencesOf('KM.5410.');
    const idCards = sequencesOf('SO.5340.');
    expect(vehicles.length + idCards.length).toBe(numbers.length);
    expect(vehicles).toEqual(Array.from({ length: vehicles.length }, (_, i) => i + 1));
    expect(idCards).toEqual(Array.from({ length: idCards.length }, (_, i) => i + 1));
    expect(await storedCases()).toHaveLength(numbers.length);
  });
});
