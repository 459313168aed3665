import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { getPrintJob, markCancelled } from '../../lockers/printing/printJobQueries';
import { migrations } from './index';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-m010-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 010 (labels)', () => {
  it('keeps the print jobs a PC already had, and lets them be cancelled after', () => {
    const file = path.join(dir, 'okienko.sqlite');
    const before = openDatabase(file, { migrations: migrations.slice(0, 9) }).db;
    before
      .prepare(
        `INSERT INTO print_jobs (id, deposit_id, kind, payload, format, printer, status, attempts,
           last_error_code, last_error_detail, next_attempt_at, created_at, duplicate)
         VALUES ('job-1', 'DEP-0000000001', 'reprint', x'5E58415E585A', 'zpl', '{"kind":"simulator"}',
           'failed-retrying', 3, 'printer-offline', 'simulator', '2025-03-03T08:00:08.000Z',
           '2025-03-03T08:00:00.000Z', 1)`,
      )
      .run();
    before.close();

    const { db, schemaVersion } = openDatabase(file);
    try {
      expect(schemaVersion).toBeGreaterThanOrEqual(10);
      expect(getPrintJob(db, 'job-1')).toMatchObject({
        depositId: 'DEP-0000000001',
        kind: 'reprint',
        duplicate: true,
        status: 'failed-retrying',
        attempts: 3,
        lastError: { code: 'printer-offline', detail: 'simulator' },
        byteLength: 6,
        batchId: null,
        requestedBy: null,
      });
      expect(markCancelled(db, 'job-1', '2025-03-03T09:00:00.000Z')).toBe(true);
      expect(getPrintJob(db, 'job-1')?.status).toBe('cancelled');
      // A cancelled job cannot be marked printed: the record stays consistent.
      expect(() =>
        db.prepare(`UPDATE print_jobs SET status = 'printed' WHERE id = 'job-1'`).run(),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
