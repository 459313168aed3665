import { describe, expect, it } from 'vitest';
import type { LabelJob } from '../../../common/contract';
import { batchProgress } from './batchProgress';

function job(jobId: string, batchId: string | null, status: LabelJob['status']): LabelJob {
  return {
    jobId,
    depositId: 'DEP-0123456789',
    batchId,
    kind: 'label',
    status,
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: '2026-03-03T09:00:00.000Z',
    printedAt: null,
    requestedBy: 'depozyty',
    printer: { kind: 'simulator', target: '' },
  };
}

describe('batchProgress', () => {
  it('counts the labels of the batch that printed and those that failed for good', () => {
    const jobs = [
      job('1', 'b1', 'printed'),
      job('2', 'b1', 'failed'),
      job('3', 'b1', 'cancelled'),
      job('4', 'b1', 'failed-retrying'),
      job('5', 'b2', 'printed'),
      job('6', null, 'printed'),
    ];
    expect(batchProgress(jobs, { batchId: 'b1', total: 4 })).toEqual({
      done: 1,
      failed: 2,
      total: 4,
      finished: false,
    });
  });

  it('is finished once every label printed or failed for good, not while one waits for the printer', () => {
    const printing = [job('1', 'b1', 'printed'), job('2', 'b1', 'printing')];
    expect(batchProgress(printing, { batchId: 'b1', total: 2 }).finished).toBe(false);
    const done = [job('1', 'b1', 'printed'), job('2', 'b1', 'failed')];
    expect(batchProgress(done, { batchId: 'b1', total: 2 }).finished).toBe(true);
  });

  it('counts a job the list has not caught up with as still waiting', () => {
    expect(batchProgress([job('1', 'b1', 'printed')], { batchId: 'b1', total: 3 })).toMatchObject({
      done: 1,
      finished: false,
    });
  });
});
