import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listLogFiles, openLogger, type OpenedLogger } from './logger';
import { removeExpiredLogFiles } from './logFiles';
import { readLogSettings } from './logSettings';
import {
  KNOWN_PERSONAL_VALUES,
  syntheticCaseDraft,
  syntheticRegistration,
} from '../../common/testing/personalSamples';

const opened: OpenedLogger[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-logs-'));
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string, settings: Parameters<typeof openLogger>[0]['settings']) {
  const log = await openLogger({ dataDir, settings });
  opened.push(log);
  return log;
}

function readAllLogs(logsDir: string): string {
  return listLogFiles(logsDir)
    .map((log) => fs.readFileSync(log.file, 'utf8'))
    .join('');
}

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the log files', () => {
  it('start a new file when the current one reaches its size, and keep at most maxFiles', async () => {
    const dataDir = tempDir();
    const log = await open(dataDir, { maxFileBytes: 2_000, maxFiles: 3 });
    for (let i = 0; i < 200; i++) {
      log.logger.info({ i, filler: 'x'.repeat(60) }, 'a line long enough to fill files fast');
      // The roll happens on the tick after a write that crossed the size.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(listLogFiles(log.logsDir)).toHaveLength(3));
    const files = listLogFiles(log.logsDir);
    for (const file of files) expect(file.size).toBeLessThan(2_000 + 400);
    // The newest lines are kept: the last one written is in the current file.
    expect(fs.readFileSync(log.currentFile(), 'utf8')).toContain('"i":199');
    expect(path.basename(log.currentFile())).toMatch(/^okienko\.\d{4}-\d{2}-\d{2}\.\d+\.log$/);
  });

  it('deletes files older than maxAgeDays, never the current one, and leaves other files', async () => {
    const logsDir = path.join(tempDir(), 'logs');
    fs.mkdirSync(logsDir);
    const now = new Date('2026-11-28T10:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
    const write = (name: string, at: Date) => {
      const file = path.join(logsDir, name);
      fs.writeFileSync(file, '{}\n');
      fs.utimesSync(file, at, at);
      return file;
    };
    write('okienko.2026-11-01.1.log', days(27));
    write('okienko.log', days(20));
    write('okienko.2026-11-20.2.log', days(8));
    const current = write('okienko.2026-11-10.1.log', days(18));
    write('notes.txt', days(100));

    const removed = removeExpiredLogFiles({ logsDir, maxAgeDays: 14, now, currentFile: current });

    expect(removed.sort()).toEqual(['okienko.2026-11-01.1.log', 'okienko.log']);
    expect(fs.readdirSync(logsDir).sort()).toEqual([
      'notes.txt',
      'okienko.2026-11-10.1.log',
      'okienko.2026-11-20.2.log',
    ]);
  });

  it('take their limits from the config, and the defaults without a logs section', () => {
    const dataDir = tempDir();
    expect(readLogSettings(dataDir)).toEqual({
      level: 'info',
      maxFileBytes: 10 * 1024 * 1024,
      maxAgeDays: 14,
      maxFiles: 30,
    });
    fs.writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ logs: { level: 'debug', maxFileSizeMb: 2, maxAgeDays: 7, maxFiles: 5 } }),
    );
    expect(readLogSettings(dataDir)).toEqual({
      level: 'debug',
      maxFileBytes: 2 * 1024 * 1024,
      maxAgeDays: 7,
      maxFiles: 5,
    });
  });
});

describe('personal data in the log', () => {
  it('never reaches the file when a full registration and a full draft are logged', async () => {
    const dataDir = tempDir();
    const log = await open(dataDir, {});
    const registration = syntheticRegistration();
    const draft = syntheticCaseDraft();

    // The ways a careless call site could pass them: nested, merged at the top, in a message,
    // inside an error, inside an outbox entry.
    log.logger.info({ registration }, 'registered');
    log.logger.info(registration, 'registered (merged)');
    log.logger.info({ draft }, 'draft saved');
    log.logger.info({ case: { ...draft } }, 'draft nested under another key');
    log.logger.warn({ entry: { type: 'case.register', payload: registration } }, 'rejected');
    log.logger.error(
      {
        err: new Error(
          `refused PESEL ${registration.applicant.identity.kind === 'pesel' ? registration.applicant.identity.pesel : ''} for ${registration.applicant.email ?? ''}`,
        ),
      },
      'failed',
    );
    log.logger.info(`called ${draft.applicant.phone} about ul. Długa 12/3, 00-950 Warszawa`);
    await log.close();
    opened.splice(opened.indexOf(log), 1);

    const text = readAllLogs(log.logsDir);
    expect(text).toContain('registered (merged)');
    for (const value of KNOWN_PERSONAL_VALUES) expect(text).not.toContain(value);
    expect(text).toContain('[masked]');
    // What IT needs stays: the case's id, type and the counter.
    expect(text).toContain(registration.caseId);
    expect(text).toContain(registration.caseTypeId);
  });
});
