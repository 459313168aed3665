import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelJob } from '../../../common/contract';
import { formatClockTime } from '../cases/caseFormat';
import {
  useCancelLabelJobMutation,
  useLabelJobsQuery,
  useRetryLabelJobMutation,
} from './labelsApi';
import { asIpcError, lockersErrorText, printFailureText } from './lockerMessages';

/** How many of the latest jobs the panel lists (the queue keeps more). */
const SHOWN = 12;

const RETRYABLE = new Set<LabelJob['status']>(['failed', 'failed-retrying']);
const CANCELLABLE = new Set<LabelJob['status']>(['queued', 'failed', 'failed-retrying']);
const TROUBLE = new Set<LabelJob['status']>(['failed', 'failed-retrying']);

/**
 * The label print queue, newest first: each label's state, and for one that did not print, why
 * (the printer is off, unplugged…) in words that say what to check, with Retry once it is
 * fixed, or Cancel. It follows the queue live.
 */
export function PrintQueuePanel() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { data } = useLabelJobsQuery();
  const [retry] = useRetryLabelJobMutation();
  const [cancel] = useCancelLabelJobMutation();
  const [failure, setFailure] = useState<string | null>(null);
  const jobs = [...(data?.jobs ?? [])].reverse().slice(0, SHOWN);
  const waiting = (data?.counts.queued ?? 0) + (data?.counts['failed-retrying'] ?? 0);

  function act(action: typeof retry, jobId: string): void {
    setFailure(null);
    action(jobId)
      .unwrap()
      .catch((error: unknown) => setFailure(lockersErrorText(t, asIpcError(error))));
  }

  return (
    <section
      className="panel locker-section"
      aria-labelledby={headingId}
      data-testid="locker-print-queue"
    >
      <h2 id={headingId}>
        {t('lockers.queue.heading')}{' '}
        <span className="heading-count" data-testid="locker-print-waiting" data-count={waiting}>
          {waiting}
        </span>
      </h2>
      {failure ? (
        <p role="alert" className="error" data-testid="locker-print-queue-error">
          {failure}
        </p>
      ) : null}
      {jobs.length === 0 ? (
        <p className="muted">{t('lockers.queue.none')}</p>
      ) : (
        <ul className="locker-jobs" aria-live="polite">
          {jobs.map((job) => (
            <li
              key={job.jobId}
              className={TROUBLE.has(job.status) ? 'locker-job locker-job-trouble' : 'locker-job'}
              data-testid="locker-print-job"
              data-job-id={job.jobId}
              data-deposit-id={job.depositId}
              data-status={job.status}
              data-kind={job.kind}
              data-attempts={job.attempts}
            >
              <span className="locker-deposit-id">{job.depositId}</span>
              {job.kind === 'reprint' ? (
                <span className="tag tag-muted">{t('lockers.queue.duplicate')}</span>
              ) : null}
              <span className={TROUBLE.has(job.status) ? 'tag tag-warn' : 'tag'}>
                {t(`lockers.queue.states.${job.status}`)}
              </span>
              {job.lastError && job.status !== 'printed' ? (
                <p className="locker-job-reason" data-testid="locker-print-job-reason">
                  {printFailureText(t, job)}
                  {job.status === 'failed-retrying' && job.nextAttemptAt
                    ? ` ${t('lockers.queue.nextAttempt', {
                        time: formatClockTime(job.nextAttemptAt, i18n.language),
                      })}`
                    : ''}
                </p>
              ) : null}
              <span className="locker-job-actions">
                {RETRYABLE.has(job.status) ? (
                  <button
                    type="button"
                    className="action"
                    aria-label={t('lockers.queue.retryLabel', { depositId: job.depositId })}
                    onClick={() => act(retry, job.jobId)}
                    data-testid="locker-print-retry"
                  >
                    {t('lockers.queue.retry')}
                  </button>
                ) : null}
                {CANCELLABLE.has(job.status) ? (
                  <button
                    type="button"
                    className="action"
                    aria-label={t('lockers.queue.cancelLabel', { depositId: job.depositId })}
                    onClick={() => act(cancel, job.jobId)}
                    data-testid="locker-print-cancel"
                  >
                    {t('lockers.queue.cancel')}
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
