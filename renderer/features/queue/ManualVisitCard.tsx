import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperTicketNumberSchema, type QueuePanel } from '../../../common/contract';
import { formatDuration } from './durations';

/** The form the F8 key submits while a manual visit is in progress. */
export const MANUAL_FINISH_FORM_ID = 'manual-visit-finish';

/**
 * Serving without the central server: the clerk types the number from the resident's paper
 * ticket and serves them; the visit is recorded on this PC and synced when the server is back.
 */
export function ManualVisitCard(props: {
  panel: QueuePanel;
  now: number;
  busy: boolean;
  onStart: (ticketNumber: string) => void;
  onFinish: (note: string) => void;
}) {
  const { t } = useTranslation();
  const visit = props.panel.manualVisit;
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [note, setNote] = useState('');

  if (!visit) {
    return (
      <section className="served-card served-card-manual" aria-labelledby="manual-heading">
        <h2 id="manual-heading" className="served-heading">
          {t('queue.offline.manualHeading')}
        </h2>
        <form
          className="manual-form"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = paperTicketNumberSchema.safeParse(number);
            setInvalid(!parsed.success);
            if (parsed.success && !props.busy) props.onStart(parsed.data);
          }}
        >
          <label htmlFor="manual-ticket-number">{t('queue.offline.ticketNumber')}</label>
          <div className="manual-form-row">
            <input
              id="manual-ticket-number"
              className="manual-number-input"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              placeholder={t('queue.offline.ticketNumberHint')}
              aria-invalid={invalid}
              aria-describedby={invalid ? 'manual-number-error' : undefined}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="action action-primary action-large">
              {t('queue.offline.start')} <kbd>Enter</kbd>
            </button>
          </div>
          {invalid ? (
            <p className="error" id="manual-number-error" role="alert">
              {t('queue.offline.invalidNumber')}
            </p>
          ) : null}
        </form>
      </section>
    );
  }

  return (
    <section
      className="served-card served-card-active served-card-manual"
      aria-labelledby="manual-heading"
      data-testid="manual-visit"
    >
      <h2 id="manual-heading" className="served-heading">
        {t('queue.offline.manualHeading')}
      </h2>
      <div className="served-announce" aria-live="polite" aria-atomic="true">
        <p className="served-number" data-testid="served-number">
          {visit.ticketNumber}
        </p>
        <p className="served-category">
          <span className="tag tag-warn">{t('queue.offline.manualBadge')}</span>
        </p>
      </div>
      <dl className="served-times">
        <div>
          <dt>{t('queue.served.serving')}</dt>
          <dd>{formatDuration(props.now - Date.parse(visit.startedAt))}</dd>
        </div>
      </dl>
      <form
        id={MANUAL_FINISH_FORM_ID}
        className="manual-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.busy) props.onFinish(note);
        }}
      >
        <label htmlFor="manual-note">{t('queue.offline.note')}</label>
        <textarea
          id="manual-note"
          value={note}
          maxLength={500}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" className="action action-primary action-large" aria-keyshortcuts="F8">
          {t('queue.offline.finish')} <kbd>F8</kbd>
        </button>
      </form>
    </section>
  );
}
