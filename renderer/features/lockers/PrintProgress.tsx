import { useTranslation } from 'react-i18next';
import { batchProgress, type PrintBatch } from './batchProgress';
import { useLabelJobsQuery } from './labelsApi';

/**
 * How far the last print got: a progress bar the screen reader reads as "printed n of total",
 * then a line saying all printed, or how many did not (the print queue below says why).
 */
export function PrintProgress(props: { batch: PrintBatch }) {
  const { t } = useTranslation();
  const { data } = useLabelJobsQuery();
  const progress = batchProgress(data?.jobs ?? [], props.batch);
  const percent = Math.round((100 * progress.done) / progress.total);
  const text = t('lockers.print.progress', { done: progress.done, total: progress.total });

  return (
    <div className="locker-progress" data-testid="locker-print-status">
      <div
        role="progressbar"
        aria-label={t('lockers.print.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={text}
        className="locker-progress-track"
        data-testid="locker-print-progress"
        data-finished={progress.finished}
      >
        <div className="locker-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" className="small" data-testid="locker-print-progress-text">
        {!progress.finished
          ? text
          : progress.failed === 0
            ? t('lockers.print.finished', { total: progress.total })
            : t('lockers.print.finishedWithFailures', {
                done: progress.done,
                total: progress.total,
                failed: progress.failed,
              })}
      </p>
    </div>
  );
}
