import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseDraftDataSchema,
  validateCaseDraft,
  type CaseDraftInput,
  type EventPayload,
  type IpcResult,
} from '../../common/contract';
import { caseRegistrationSchema } from '../../common/contract/central/cases';
import type { MutationResult } from '../../common/contract/central/sync';
import { openDatabase } from '../db';
import { createIpcDispatcher } from '../ipc/ipcDispatcher';
import { ServiceError } from '../ipc/serviceError';
import { createSilentLogger } from '../logging/logger';
import type { CentralSyncClient } from '../sync/centralClient';
import { createOutbox, type Outbox } from '../sync/outbox';
import { countOutbox, nextPendingBatch } from '../sync/outboxQueries';
import { createSyncEngine } from '../sync/syncEngine';
import { maskPesel } from '../../common/domain/pesel';
import { casesChannelHandlers } from './caseChannelHandlers';
import { applyCaseRetention } from './caseRetention';
import { insertPendingCase } from './caseQueries';
import {
  caseSearchRoute,
  caseSearchStatement,
  COMMON_PREFIX_MATCHES,
  planCaseSearch,
} from './caseSearch';
import { createCaseService, type CaseService } from './caseService';
import { caseSyncHandlers } from './caseSyncHandlers';
import { certificateCaseType, completeDraft, peselFor } from './testing/caseFixtures';
import { createManualTime, settle, type ManualTime } from '../../test/support/manualTime';
import { withStubHandlers } from '../../test/support/stubChannelHandlers';

let dir: string;
let file: string;
let db: Database.Database;
let time: ManualTime;
let clerk: string | null;
const opened: Database.Database[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-cases-'));
  file = path.join(dir, 'okienko.sqlite');
  db = open();
  time = createManualTime('2026-03-02T09:00:00.000Z');
  clerk = 'urzednik1';
});

afterEach(() => {
  for (const handle of opened.splice(0)) if (handle.open) handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Database.Database {
  const handle = openDatabase(file).db;
  opened.push(handle);
  return handle;
}

function outboxFor(handle: Database.Database): Outbox {
  return createOutbox({
    db: handle,
    clock: time.clock,
    newId: () => crypto.randomUUID(),
    onEnqueued: () => {},
  });
}

function serviceFor(handle = db, outbox = outboxFor(handle)): CaseService {
  return createCaseService({
    db: handle,
    clock: time.clock,
    outbox,
    caseTypes: () => [certificateCaseType],
    clerkLogin: () => clerk,
    workstation: { siteId: 'slaska', counterNumber: 3 },
  });
}

/** What validateCaseDraft makes of a complete draft for this applicant, with the PC's part. */
function validatedCertificate(pesel: string, lastName: string) {
  const checked = validateCaseDraft(caseDraftDataSchema.parse(completeDraft({ pesel, lastName })), [
    certificateCaseType,
  ]);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return { ...checked.value, siteId: 'slaska', counterNumber: 3, clerkLogin: 'urzednik1' };
}

function caughtError(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

/** Submits a complete draft for this applicant and returns the case. */
function submitFor(cases: CaseService, applicant: Parameters<typeof completeDraft>[0]) {
  const draft = cases.createDraft(completeDraft(applicant));
  return cases.submit(draft.draftId);
}

/** A sync client whose server registers every case with the next number of its register. */
function registeringCentral(options: { refuse?: string } = {}): CentralSyncClient {
  let sequence = 0;
  return {
    async push(mutations) {
      const results: MutationResult[] = mutations.map((mutation) => {
        if (options.refuse) return { id: mutation.id, status: 'rejected', reason: options.refuse };
        const { caseId } = caseRegistrationSchema.parse(mutation.payload);
        sequence += 1;
        return {
          id: mutation.id,
          status: 'applied',
          result: { caseId, caseNumber: `SO.5332.${sequence}.2026` },
        };
      });
      return { ok: true, value: { results } };
    },
    async pull(query) {
      return {
        ok: true,
        value: { feedId: 'feed', changes: [], cursor: query.after, hasMore: false },
      };
    },
  };
}

function engineWithCases(client: CentralSyncClient, changes: EventPayload<'cases:changed'>[]) {
  const handlers = caseSyncHandlers({ clock: time.clock, publish: (c) => changes.push(c) });
  return createSyncEngine({
    db,
    client,
    clock: time.clock,
    logger: createSilentLogger(),
    publish: () => {},
    timers: time.timers,
    appliedHandlers: { 'case.register': handlers.applied },
    rejectedHandlers: { 'case.register': handlers.rejected },
  });
}

describe('drafts', () => {
  it('are saved at once and resumed as typed, after the database is closed and opened again', () => {
    const typed: CaseDraftInput = {
      caseTypeId: certificateCaseType.id,
      applicant: { pesel: '8501', lastName: 'Żółć', firstName: 'Zofia', postalCode: '50411' },
      notes: 'przyjdzie z pełnomocnikiem',
    };
    const draft = serviceFor().createDraft({});
    const saved = serviceFor().saveDraft(draft.draftId, typed);
    expect(saved.draftId).toBe(draft.draftId);
    db.close();

    db = open();
    const resumed = serviceFor().getDraft(draft.draftId);
    expect(resumed.data.applicant).toMatchObject(typed.applicant!);
    expect(resumed.data.notes).toBe('przyjdzie z pełnomocnikiem');
    expect(serviceFor().listDrafts()).toEqual([
      {
        draftId: draft.draftId,
        caseTypeId: certificateCaseType.id,
        applicantName: 'Żółć Zofia',
        peselMasked: '****',
        ticketNumber: null,
        updatedAt: saved.updatedAt,
      },
    ]);
  });

  it('belong to the clerk who typed them: another clerk neither sees nor changes them', () => {
    const cases = serviceFor();
    const draft = cases.createDraft(completeDraft());
    clerk = 'urzednik2';
    expect(cases.listDrafts()).toEqual([]);
    expect(caughtError(() => cases.getDraft(draft.draftId)).code).toBe('unknown-draft');
    expect(caughtError(() => cases.saveDraft(draft.draftId, {})).code).toBe('unknown-draft');
    expect(caughtError(() => cases.submit(draft.draftId)).code).toBe('unknown-draft');
    clerk = null;
    expect(caughtError(() => cases.listDrafts()).code).toBe('no-session');
  });

  it('can be discarded', () => {
    const cases = serviceFor();
    const draft = cases.createDraft({});
    cases.discardDraft(draft.draftId);
    expect(cases.listDrafts()).toEqual([]);
    expect(caughtError(() => cases.discardDraft(draft.draftId)).code).toBe('unknown-draft');
  });
});

describe('submit', () => {
  it('with problems lists every issue at its field and keeps the draft as it was', () => {
    const cases = serviceFor();
    const typed: CaseDraftInput = {
      caseTypeId: certificateCaseType.id,
      applicant: { pesel: '85010123456', firstName: 'Jan', postalCode: '5041' },
    };
    const draft = cases.createDraft(typed);

    const error = caughtError(() => cases.submit(draft.draftId));

    expect(error.code).toBe('invalid-case');
    expect(error.issues).toEqual([
      { path: 'applicant.pesel', message: 'pesel-checksum' },
      { path: 'applicant.lastName', message: 'required' },
      { path: 'applicant.street', message: 'required' },
      { path: 'applicant.postalCode', message: 'postal-code' },
      { path: 'applicant.city', message: 'required' },
      { path: 'documents.dowod-tozsamosci', message: 'document-unmarked' },
      { path: 'fields.cel', message: 'required' },
    ]);
    const shown = validateCaseDraft(cases.getDraft(draft.draftId).data, [certificateCaseType]);
    expect(shown.ok ? [] : shown.issues.map((issue) => issue.path)).toEqual(
      error.issues?.map((issue) => issue.path),
    );
    expect(cases.getDraft(draft.draftId).data.applicant.pesel).toBe('85010123456');
    expect(countOutbox(db)).toEqual({ pending: 0, failed: 0 });
    expect(cases.search('Jan', 50)).toEqual([]);
  });

  it('answers invalid-case with the issues through IPC', async () => {
    const cases = serviceFor();
    const draft = cases.createDraft({ caseTypeId: certificateCaseType.id });
    const dispatch = createIpcDispatcher(
      withStubHandlers(casesChannelHandlers(cases)),
      createSilentLogger(),
    );

    const answer = (await dispatch('cases:submit', { draftId: draft.draftId })) as IpcResult<never>;

    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-case');
    expect(answer.error.issues).toContainEqual({ path: 'applicant.pesel', message: 'required' });
  });

  it('puts exactly one case.register in the outbox and removes the draft: a pending case', () => {
    const cases = serviceFor();
    const draft = cases.createDraft(completeDraft());

    const record = cases.submit(draft.draftId);

    expect(record).toMatchObject({
      caseNumber: null,
      status: 'pending',
      caseTypeId: certificateCaseType.id,
      feeGrosze: 1700,
      submittedAt: '2026-03-02T09:00:00.000Z',
    });
    const queued = nextPendingBatch(db, 10);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.type).toBe('case.register');
    expect(queued[0]?.payload).toEqual(record.registration);
    expect(record.registration).toMatchObject({
      caseId: record.caseId,
      siteId: 'slaska',
      counterNumber: 3,
      clerkLogin: 'urzednik1',
    });
    expect(cases.listDrafts()).toEqual([]);
    expect(cases.get(record.caseId)).toEqual(record);
    // Submitted twice (a double click): the draft is gone, nothing more is queued.
    expect(caughtError(() => cases.submit(draft.draftId)).code).toBe('unknown-draft');
    expect(countOutbox(db).pending).toBe(1);
  });

  it('writes nothing when the outbox cannot take the mutation: the draft stays, no case', () => {
    const real = outboxFor(db);
    const failing: Outbox = {
      enqueue: (mutation) => {
        real.enqueue(mutation);
        throw new Error('disk full');
      },
    };
    const cases = serviceFor(db, failing);
    const draft = cases.createDraft(completeDraft());

    expect(() => cases.submit(draft.draftId)).toThrow('disk full');

    expect(countOutbox(db).pending).toBe(0);
    expect(cases.getDraft(draft.draftId).draftId).toBe(draft.draftId);
    expect(cases.search('kowalski', 50)).toEqual([]);
  });
});

describe('sync', () => {
  it('keeps the number the server gave and tells the windows', async () => {
    const cases = serviceFor();
    const record = submitFor(cases, {});
    const changes: EventPayload<'cases:changed'>[] = [];

    const status = await engineWithCases(registeringCentral(), changes).syncNow();
    await settle();

    expect(status.pending).toBe(0);
    expect(cases.get(record.caseId)).toMatchObject({
      caseNumber: 'SO.5332.1.2026',
      status: 'registered',
    });
    expect(changes).toEqual([
      { caseId: record.caseId, status: 'registered', caseNumber: 'SO.5332.1.2026' },
    ]);
  });

  it('marks a case the server refuses as rejected, with the reason', async () => {
    const cases = serviceFor();
    const record = submitFor(cases, {});
    const changes: EventPayload<'cases:changed'>[] = [];

    await engineWithCases(registeringCentral({ refuse: 'unknown case type' }), changes).syncNow();
    await settle();

    expect(cases.get(record.caseId)).toMatchObject({
      status: 'rejected',
      rejectedReason: 'unknown case type',
      caseNumber: null,
    });
    expect(changes).toEqual([{ caseId: record.caseId, status: 'rejected', caseNumber: null }]);
  });
});

describe('search', () => {
  it('finds by PESEL prefix, name prefix with Polish letters folded, and case number; PESELs masked', async () => {
    const cases = serviceFor();
    const zolc = submitFor(cases, {
      lastName: 'Żółć',
      firstName: 'Łucja',
      pesel: peselFor({ year: 1985, month: 1, day: 1 }, 1234),
    });
    await time.advance(60_000);
    const zolcYounger = submitFor(cases, {
      lastName: 'Żołnierczyk',
      firstName: 'Adam',
      pesel: peselFor({ year: 2001, month: 5, day: 20 }, 4321),
    });
    await time.advance(60_000);
    const nowak = submitFor(cases, {
      lastName: 'Nowak',
      firstName: 'Anna',
      pesel: peselFor({ year: 1985, month: 1, day: 12 }, 5555),
    });
    await engineWithCases(registeringCentral(), []).syncNow();

    const byPesel = cases.search('850101', 50);
    expect(byPesel).toEqual([
      {
        caseId: zolc.caseId,
        caseNumber: 'SO.5332.1.2026',
        status: 'registered',
        caseTypeId: certificateCaseType.id,
        applicantName: 'Żółć Łucja',
        peselMasked: maskPesel(peselFor({ year: 1985, month: 1, day: 1 }, 1234)),
        submittedAt: zolc.submittedAt,
      },
    ]);
    expect(byPesel[0]?.peselMasked).toMatch(/^\*{7}\d{4}$/);
    // Newest first.
    expect(cases.search('8501', 50).map((hit) => hit.caseId)).toEqual([nowak.caseId, zolc.caseId]);
    expect(cases.search('zol', 50).map((hit) => hit.caseId)).toEqual([
      zolcYounger.caseId,
      zolc.caseId,
    ]);
    expect(cases.search('ZOLC lu', 50).map((hit) => hit.caseId)).toEqual([zolc.caseId]);
    expect(cases.search('Żółć', 50).map((hit) => hit.caseId)).toEqual([zolc.caseId]);
    expect(cases.search('so.5332.2', 50).map((hit) => hit.caseId)).toEqual([zolcYounger.caseId]);
    expect(cases.search('SO.5332.', 2)).toHaveLength(2);
    expect(cases.search('kowal', 50)).toEqual([]);
    expect(cases.search('   ', 50)).toEqual([]);
    for (const hit of cases.search('SO.', 50)) {
      expect(hit.peselMasked).toMatch(/^\*{7}\d{4}$/);
    }
  });

  it('finds a person without PESEL by name', () => {
    const cases = serviceFor();
    const draft = cases.createDraft({
      ...completeDraft(),
      applicant: {
        ...completeDraft().applicant,
        identityKind: 'document',
        documentType: 'passport',
        documentNumber: 'ab1234567',
        lastName: 'Müller',
        firstName: 'Hans',
      },
    });
    const record = cases.submit(draft.draftId);
    expect(cases.search('muller', 50)).toMatchObject([
      { caseId: record.caseId, peselMasked: null, applicantName: 'Müller Hans' },
    ]);
  });

  it.each([
    ['85010', 'cases_by_pesel'],
    ['kowal', 'cases_by_name'],
    ['SO.5332', 'cases_by_number'],
  ])('searches %s on the index %s, not by a full scan', (query, index) => {
    const plan = planCaseSearch(query);
    if (plan.by === 'nothing') throw new Error('a query with no plan');
    const { sql, params } = caseSearchStatement(plan, 50);
    const explained = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
      detail: string;
    }[];
    const details = explained.map((row) => row.detail).join('\n');
    expect(details).toContain(`USING INDEX ${index}`);
    expect(details).not.toMatch(/SCAN cases(?! USING)/);
  });
});

describe('search on a common prefix', () => {
  it('walks the cases newest first and answers the same as the prefix index would', () => {
    const cases = serviceFor();
    const insert = db.transaction(() => {
      for (let i = 0; i < COMMON_PREFIX_MATCHES + 500; i += 1) {
        const pesel = peselFor({ year: 1950 + (i % 10), month: 1 + (i % 12), day: 1 }, i);
        const submittedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        insertPendingCase(
          db,
          caseRegistrationSchema.parse({
            ...validatedCertificate(pesel, `Nowak${i % 3 === 0 ? '' : 'owska'}`),
            caseId: crypto.randomUUID(),
            submittedAt,
          }),
          crypto.randomUUID(),
        );
      }
    });
    insert();

    const routes = [
      ['5', 'newest-first'],
      ['nowak', 'newest-first'],
      // Two in three are Nowakowska: fewer than the threshold.
      ['nowako', 'prefix-index'],
      ['5001', 'prefix-index'],
    ] as const;
    for (const [query, route] of routes) {
      const plan = planCaseSearch(query);
      if (plan.by === 'nothing') throw new Error('no plan');
      expect(caseSearchRoute(db, plan)).toBe(route);
      const { sql, params } = caseSearchStatement(plan, 20, 'prefix-index');
      // The same statement, forced onto the prefix index: the answer must not depend on the route.
      const byIndex = (db.prepare(sql).all(...params) as { case_id: string }[]).map(
        (row) => row.case_id,
      );
      expect(cases.search(query, 20).map((hit) => hit.caseId)).toEqual(byIndex);
    }
    const newest = cases.search('nowak', 5).map((hit) => hit.submittedAt);
    expect(newest).toEqual([...newest].sort().reverse());
    expect(newest[0]).toBe(
      new Date(Date.UTC(2026, 0, 1) + (COMMON_PREFIX_MATCHES + 499) * 60_000).toISOString(),
    );
  });

  it('plans the newest-first walk on the submitted-at index', () => {
    const plan = planCaseSearch('8');
    if (plan.by === 'nothing') throw new Error('no plan');
    const { sql, params } = caseSearchStatement(plan, 20, 'newest-first');
    const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(details).toContain('cases_by_submitted');
    expect(details).not.toContain('TEMP B-TREE');
  });
});

describe('retention', () => {
  it('deletes the personal data of cases registered more than N days ago, keeping the number', async () => {
    const cases = serviceFor();
    const old = submitFor(cases, { lastName: 'Nowak' });
    await engineWithCases(registeringCentral(), []).syncNow();
    cases.createDraft({ notes: 'stara' });
    await time.advance(31 * 24 * 60 * 60_000);
    const fresh = submitFor(cases, { lastName: 'Nowakowska' });
    const freshDraft = cases.createDraft({ notes: 'nowa' });

    expect(applyCaseRetention(db, time.now(), 30)).toEqual({ casesPurged: 1, draftsDeleted: 1 });

    expect(cases.get(old.caseId)).toMatchObject({
      caseNumber: 'SO.5332.1.2026',
      status: 'registered',
      caseTypeId: certificateCaseType.id,
      registration: null,
    });
    expect(cases.search('nowak', 50).map((hit) => hit.caseId)).toEqual([fresh.caseId]);
    // Both had the same PESEL: only the fresh case still holds it.
    expect(cases.search('85010123455', 50).map((hit) => hit.caseId)).toEqual([fresh.caseId]);
    expect(cases.search('SO.5332.1.2026', 50)).toMatchObject([
      { caseId: old.caseId, applicantName: '', peselMasked: null },
    ]);
    expect(cases.get(fresh.caseId).registration).not.toBeNull();
    expect(cases.listDrafts().map((draft) => draft.draftId)).toEqual([freshDraft.draftId]);
    const row = db
      .prepare(`SELECT registration, pesel, name_key FROM cases WHERE case_id = ?`)
      .get(old.caseId);
    expect(row).toEqual({ registration: null, pesel: null, name_key: null });
  });
});
