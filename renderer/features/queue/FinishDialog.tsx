import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visitOutcomeSchema, type VisitOutcome } from '../../../common/contract/central/queue';
import type { CaseType } from '../../../common/contract/central/reference';
import type { QueuePanel } from '../../../common/contract';
import { Dialog } from '../../components/Dialog';

/**
 * Finish the visit: the case types handled (those of the ticket's category) and the outcome,
 * with the fields the site's rules require marked and checked before the engine is asked.
 */
export function FinishDialog(props: {
  panel: QueuePanel;
  caseTypes: CaseType[];
  onFinish: (visit: { services: string[]; outcome: VisitOutcome | null }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ticket = props.panel.counter?.currentTicket;
  const required = props.panel.rules?.requiredFinishFields ?? [];
  const caseTypes = props.caseTypes.filter(
    (caseType) => ticket && caseType.categoryIds.includes(ticket.categoryId),
  );
  const [services, setServices] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null);
  const [tried, setTried] = useState(false);
  const servicesMissing = required.includes('services') && services.length === 0;
  const outcomeMissing = required.includes('outcome') && outcome === null;
  return (
    <Dialog
      title={t('queue.dialogs.finishHeading', { number: ticket?.number ?? '' })}
      onClose={props.onClose}
      testId="finish-dialog"
      wide
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (servicesMissing || outcomeMissing) return;
          props.onFinish({ services, outcome });
        }}
      >
        <div className="dialog-columns">
          <fieldset
            className="choice-list"
            aria-invalid={tried && outcomeMissing}
            aria-describedby={tried && outcomeMissing ? 'finish-outcome-error' : undefined}
          >
            <legend>
              {t('queue.dialogs.outcome')}{' '}
              {required.includes('outcome') ? (
                <span className="muted">{t('queue.dialogs.required')}</span>
              ) : null}
            </legend>
            {visitOutcomeSchema.options.map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name="finish-outcome"
                  checked={outcome === option}
                  onChange={() => setOutcome(option)}
                />
                {t(`queue.outcomes.${option}`)}
              </label>
            ))}
            {tried && outcomeMissing ? (
              <p className="error" id="finish-outcome-error">
                {t('queue.dialogs.outcomeMissing')}
              </p>
            ) : null}
          </fieldset>
          <fieldset
            className="choice-list"
            aria-invalid={tried && servicesMissing}
            aria-describedby={tried && servicesMissing ? 'finish-services-error' : undefined}
          >
            <legend>
              {t('queue.dialogs.services')}{' '}
              {required.includes('services') ? (
                <span className="muted">{t('queue.dialogs.required')}</span>
              ) : null}
            </legend>
            {caseTypes.length === 0 ? (
              <p className="muted small">{t('queue.dialogs.noServices')}</p>
            ) : null}
            {caseTypes.map((caseType) => (
              <label key={caseType.id} className="choice">
                <input
                  type="checkbox"
                  checked={services.includes(caseType.id)}
                  onChange={(event) =>
                    setServices((chosen) =>
                      event.target.checked
                        ? [...chosen, caseType.id]
                        : chosen.filter((id) => id !== caseType.id),
                    )
                  }
                />
                {caseType.name}
              </label>
            ))}
            {tried && servicesMissing ? (
              <p className="error" id="finish-services-error">
                {t('queue.dialogs.servicesMissing')}
              </p>
            ) : null}
          </fieldset>
        </div>
        <div className="dialog-actions">
          <button type="button" className="action" onClick={props.onClose}>
            {t('queue.dialogs.cancel')}
          </button>
          <button type="submit" className="action action-primary">
            {t('queue.dialogs.finishConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
