import type { LabelJob } from '../../../common/contract';

/** A `labels:print` call the desk follows: its batch and how many labels it asked for. */
export type PrintBatch = { batchId: string; total: number };

export type BatchProgress = {
  /** Labels that reached the printer. */
  done: number;
  /** Labels that will not print without the clerk (failed for good, or cancelled). */
  failed: number;
  total: number;
  /** Nothing of the batch is still queued, printing or waiting for the printer. */
  finished: boolean;
};

/**
 * A batch's progress, from the print queue's jobs (kept live by `labels:jobChanged`): a job
 * waiting for a printer that is off counts as not done yet, since it prints when the printer is
 * back. A job not in the list yet counts as waiting.
 */
export function batchProgress(jobs: readonly LabelJob[], batch: PrintBatch): BatchProgress {
  const mine = jobs.filter((job) => job.batchId === batch.batchId);
  const done = mine.filter((job) => job.status === 'printed').length;
  const failed = mine.filter((job) => job.status === 'failed' || job.status === 'cancelled').length;
  return { done, failed, total: batch.total, finished: done + failed >= batch.total };
}
