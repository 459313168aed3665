import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../common/contract/central/reference';
import type { ChannelRequest, QueuePanel } from '../../../common/contract';
import { Dialog } from '../../components/Dialog';

type Target = ChannelRequest<'queue:transfer'>;

/**
 * Transfer the ticket at the counter to another category's queue or to a named counter, keeping
 * its time. Arrows move within a list, Tab between the two, Enter confirms, Esc closes.
 */
export function TransferDialog(props: {
  panel: QueuePanel;
  categories: Category[];
  onTransfer: (target: Target) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ticket = props.panel.counter?.currentTicket;
  const [target, setTarget] = useState<Target | null>(null);
  const [missing, setMissing] = useState(false);
  const categories = props.categories
    .filter(
      (category) => category.siteId === props.panel.siteId && category.id !== ticket?.categoryId,
    )
    .sort((a, b) => a.prefix.localeCompare(b.prefix));
  const counters = props.panel.counters.filter((counter) => counter.state !== 'closed');
  return (
    <Dialog
      title={t('queue.dialogs.transferHeading', { number: ticket?.number ?? '' })}
      onClose={props.onClose}
      testId="transfer-dialog"
      wide
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!target) return setMissing(true);
          props.onTransfer(target);
        }}
      >
        <p className="muted">{t('queue.dialogs.transferIntro')}</p>
        <div className="dialog-columns">
          <fieldset className="choice-list">
            <legend>{t('queue.dialogs.toCategory')}</legend>
            {categories.map((category) => (
              <label key={category.id} className="choice">
                <input
                  type="radio"
                  name="transfer-category"
                  checked={
                    target !== null &&
                    'toCategoryId' in target &&
                    target.toCategoryId === category.id
                  }
                  onChange={() => {
                    setTarget({ toCategoryId: category.id });
                    setMissing(false);
                  }}
                />
                <span className="prefix-badge" aria-hidden="true">
                  {category.prefix}
                </span>
                {category.name}
              </label>
            ))}
          </fieldset>
          <fieldset className="choice-list">
            <legend>{t('queue.dialogs.toCounter')}</legend>
            {counters.length === 0 ? (
              <p className="muted small">{t('queue.dialogs.noOtherCounter')}</p>
            ) : null}
            {counters.map((counter) => (
              <label key={counter.counterId} className="choice">
                <input
                  type="radio"
                  name="transfer-counter"
                  checked={
                    target !== null &&
                    'toCounterId' in target &&
                    target.toCounterId === counter.counterId
                  }
                  onChange={() => {
                    setTarget({ toCounterId: counter.counterId });
                    setMissing(false);
                  }}
                />
                {t('queue.dialogs.counterOption', {
                  number: counter.number,
                  state: t(`queue.counterStates.${counter.state}`),
                })}
              </label>
            ))}
          </fieldset>
        </div>
        {missing ? (
          <p className="error" role="alert">
            {t('queue.dialogs.pickTarget')}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="action" onClick={props.onClose}>
            {t('queue.dialogs.cancel')}
          </button>
          <button type="submit" className="action action-primary">
            {t('queue.dialogs.transferConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
