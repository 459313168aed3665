import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueuePanel } from '../../../common/contract';
import { Dialog } from '../../components/Dialog';

/** A resident without a ticket, served at once: a ticket issued straight to this counter. */
export function WalkInDialog(props: {
  panel: QueuePanel;
  categoryName: (categoryId: string) => string;
  onWalkIn: (walkIn: { categoryId: string; priority: boolean }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const served = props.panel.counter?.categoryIds ?? [];
  const [categoryId, setCategoryId] = useState(served[0] ?? '');
  const [priority, setPriority] = useState(false);
  return (
    <Dialog
      title={t('queue.dialogs.walkInHeading')}
      onClose={props.onClose}
      testId="walk-in-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (categoryId) props.onWalkIn({ categoryId, priority });
        }}
      >
        <p className="muted">{t('queue.dialogs.walkInIntro')}</p>
        <fieldset className="choice-list">
          <legend>{t('queue.dialogs.category')}</legend>
          {served.map((id) => (
            <label key={id} className="choice">
              <input
                type="radio"
                name="walk-in-category"
                checked={categoryId === id}
                onChange={() => setCategoryId(id)}
              />
              {props.categoryName(id)}
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input
            type="checkbox"
            checked={priority}
            onChange={(event) => setPriority(event.target.checked)}
          />
          {t('queue.dialogs.priority')}
        </label>
        <div className="dialog-actions">
          <button type="button" className="action" onClick={props.onClose}>
            {t('queue.dialogs.cancel')}
          </button>
          <button type="submit" className="action action-primary">
            {t('queue.dialogs.walkInConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
