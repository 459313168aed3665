import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseDraftDataSchema, type CaseDraftInput } from '../../common/contract';
import type { CaseType } from '../../common/contract/central/reference';
import { applicableDocuments } from '../../common/domain/caseChecklist';
import { systemClock } from '../app/clock';
import { openDatabase } from '../db';
import { createSilentLogger } from '../logging/logger';
import { createReferenceCache } from '../reference/referenceCache';
import { createCentralClient } from '../sync/centralClient';
import { createOutbox } from '../sync/outbox';
import { createSyncEngine } from '../sync/syncEngine';
import { createCaseService } from './caseService';
import { caseSyncHandlers } from './caseSyncHandlers';
import { peselFor } from './testing/caseFixtures';
import { bundleForNode } from '../../test/support/bundleForNode';
import { connectIpcSocket } from '../../test/support/ipcSocketClient';
import { startRealCentral, type RealCentral } from '../../test/support/realCentral';

// The case form across processes: drafts in a browser host that is killed, and a case submitted
// while the real central server is down.

let dir: string;
const logger = createSilentLogger();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-cases-it-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A browser host process on `dataDir`; resolves once it listens, with its address. */
function startHost(entry: string, dataDir: string) {
  const child: ChildProcess = spawn(process.execPath, [entry, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OKIENKO_DATA_DIR: '' },
  });
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const listening = new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        output += `${line}\n`;
        const match = /^okienko:listening (.*)$/.exec(line);
        if (match) resolve(String((JSON.parse(match[1]!) as { url: string }).url));
      });
    }
    void exited.then(() =>
      reject(new Error(`the browser host exited before listening:\n${output}`)),
    );
  });
  return { child, exited, listening };
}

describe('drafts survive a killed process', () => {
  it('a draft saved, then the process killed (SIGKILL): started again, the draft is there as typed', async () => {
    const entry = await bundleForNode('main/browserHost/browserHostMain.ts', 'casesBrowserHost');
    const dataDir = path.join(dir, 'pc');
    const typed: CaseDraftInput = {
      caseTypeId: 'zaswiadczenie-o-zameldowaniu',
      applicant: {
        pesel: '850101234',
        firstName: 'Łucja',
        lastName: 'Żółć',
        street: 'ul. Słowackiego 12/4',
        postalCode: '50411',
      },
      documents: { 'dowod-tozsamosci': 'present' },
      notes: 'wróci z pełnomocnictwem',
    };

    const first = startHost(entry, dataDir);
    let draftId: string;
    try {
      const ipc = await connectIpcSocket(await first.listening);
      await ipc.value('auth:login', { login: 'urzednik1', password: 'demo' });
      ({ draftId } = await ipc.value('cases:createDraft', { data: {} }));
      await ipc.value('cases:saveDraft', { draftId, data: typed });
      ipc.close();
    } finally {
      first.child.kill('SIGKILL');
    }
    expect(await first.exited).toBe('SIGKILL');

    const second = startHost(entry, dataDir);
    try {
      const ipc = await connectIpcSocket(await second.listening);
      await ipc.value('auth:login', { login: 'urzednik1', password: 'demo' });
      const resumed = await ipc.value('cases:getDraft', { draftId });
      expect(resumed.data).toEqual(caseDraftDataSchema.parse(typed));
      const { drafts } = await ipc.value('cases:listDrafts', {});
      expect(drafts).toMatchObject([{ draftId, applicantName: 'Żółć Łucja' }]);
      ipc.close();
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});

/** A draft a clerk would submit for this case type: every document present, every field filled. */
function completeDraftFor(caseType: CaseType): CaseDraftInput {
  const fields: Record<string, string | boolean> = {};
  for (const field of caseType.formFields) {
    if (!field.required) continue;
    fields[field.id] =
      field.kind === 'boolean'
        ? true
        : field.kind === 'number'
          ? '1'
          : field.kind === 'date'
            ? '2026-01-15'
            : field.kind === 'choice'
              ? (field.choices?.[0] ?? '')
              : 'do banku';
  }
  return {
    caseTypeId: caseType.id,
    applicant: {
      pesel: peselFor({ year: 1985, month: 1, day: 1 }, 2345),
      firstName: 'Jan',
      lastName: 'Kowalski',
      street: 'ul. Słowackiego 12/4',
      postalCode: '50-411',
      city: 'Wrocław',
    },
    documents: Object.fromEntries(
      applicableDocuments(caseType.documents, []).map((document) => [document.id, 'present']),
    ),
    fields,
  };
}

describe('a case submitted while the central server is down', () => {
  let central: RealCentral;
  let pc: Database.Database;

  beforeEach(async () => {
    central = await startRealCentral({ file: path.join(dir, 'central.sqlite') });
    pc = openDatabase(path.join(dir, 'okienko.sqlite')).db;
  });

  afterEach(async () => {
    await central.stop();
    if (pc.open) pc.close();
  });

  it('is pending while it is down, arrives once when it is back, and the number appears', async () => {
    const token = await central.registerWorkstation('slaska', 3);
    const changes: unknown[] = [];
    const handlers = caseSyncHandlers({ clock: systemClock, publish: (c) => changes.push(c) });
    const engine = createSyncEngine({
      db: pc,
      client: createCentralClient({
        baseUrl: central.url(),
        fetchFn: fetch,
        clock: systemClock,
        workstationToken: () => token,
      }),
      clock: systemClock,
      logger,
      publish: () => {},
      appliedHandlers: { 'case.register': handlers.applied },
      rejectedHandlers: { 'case.register': handlers.rejected },
    });
    const reference = createReferenceCache(pc, logger);
    const cases = createCaseService({
      db: pc,
      clock: systemClock,
      outbox: createOutbox({
        db: pc,
        clock: systemClock,
        newId: () => crypto.randomUUID(),
        onEnqueued: () => {},
      }),
      caseTypes: () => reference.list('caseType'),
      clerkLogin: () => 'urzednik1',
      workstation: { siteId: 'slaska', counterNumber: 3 },
    });
    // The PC has the case types from an earlier sync.
    expect(await engine.syncNow()).toMatchObject({ online: true, lastError: null });
    const caseType = reference.get('caseType', 'zaswiadczenie-o-zameldowaniu');
    if (!caseType) throw new Error('the demo data has no zaswiadczenie-o-zameldowaniu');

    await central.stop();
    const draft = cases.createDraft(completeDraftFor(caseType));
    const submitted = cases.submit(draft.draftId);
    expect(submitted).toMatchObject({ status: 'pending', caseNumber: null });
    expect(await engine.syncNow()).toMatchObject({ online: false, pending: 1 });
    expect(cases.get(submitted.caseId).status).toBe('pending');

    await central.start();
    expect(await engine.syncNow()).toMatchObject({ online: true, pending: 0, failed: 0 });
    // Another round sends nothing again.
    await engine.syncNow();

    expect(await central.caseIds()).toEqual([submitted.caseId]);
    const registered = cases.get(submitted.caseId);
    expect(registered.status).toBe('registered');
    expect(registered.caseNumber).toMatch(/^[A-Z][A-Z0-9-]*\.5332\.\d+\.\d{4}$/);
    expect(cases.search(registered.caseNumber!, 5).map((hit) => hit.caseId)).toEqual([
      submitted.caseId,
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes).toEqual([
      { caseId: submitted.caseId, status: 'registered', caseNumber: registered.caseNumber },
    ]);
  }, 60_000);
});
