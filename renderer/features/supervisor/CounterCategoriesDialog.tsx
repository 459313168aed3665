import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SupervisorCounter,
  SupervisorQueue,
} from '../../../common/contract/central/supervisor';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from './DialogFooter';

type Control = 'check' | 'up' | 'down';

/**
 * Which categories a counter serves, and in which order: every category of the site in one
 * list, the served ones first in their order; a checkbox serves it, the arrows move it. All by
 * keyboard (Tab, Space, Enter saves); the focus stays on the control used, wherever its row goes.
 */
export function CounterCategoriesDialog(props: {
  counter: SupervisorCounter;
  categories: readonly SupervisorQueue[];
  onSave: (categoryIds: string[]) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [served, setServed] = useState<string[]>(props.counter.categoryIds);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const focusNext = useRef<{ categoryId: string; control: Control } | null>(null);
  const byId = new Map(props.categories.map((category) => [category.categoryId, category]));
  const rows = [
    ...served,
    ...props.categories
      .map((category) => category.categoryId)
      .filter((categoryId) => !served.includes(categoryId)),
  ];
  const name = (categoryId: string) => byId.get(categoryId)?.name ?? categoryId;

  useEffect(() => {
    const wanted = focusNext.current;
    focusNext.current = null;
    if (!wanted || !list.current) return;
    const find = (control: Control) =>
      list.current?.querySelector<HTMLElement>(
        `[data-category="${CSS.escape(wanted.categoryId)}"][data-control="${control}"]:not(:disabled)`,
      );
    // An arrow that just became disabled (the row reached an end) hands over to the other one.
    const other: Control = wanted.control === 'up' ? 'down' : 'up';
    (
      find(wanted.control) ??
      (wanted.control === 'check' ? null : find(other)) ??
      find('check')
    )?.focus();
  });

  function change(categoryId: string, control: Control, next: (current: string[]) => string[]) {
    focusNext.current = { categoryId, control };
    setServed(next);
  }

  function move(categoryId: string, by: -1 | 1) {
    change(categoryId, by < 0 ? 'up' : 'down', (current) => {
      const from = current.indexOf(categoryId);
      const to = from + by;
      if (from < 0 || to < 0 || to >= current.length) return current;
      const next = [...current];
      next.splice(from, 1);
      next.splice(to, 0, categoryId);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (served.length === 0) {
      setError(t('supervisor.actions.categoriesNone'));
      return;
    }
    setBusy(true);
    const failure = await props.onSave(served);
    setBusy(false);
    setError(failure);
  }

  return (
    <Dialog
      title={t('supervisor.actions.categoriesHeading', { counter: props.counter.number })}
      onClose={props.onClose}
      testId="sv-categories-dialog"
    >
      <form onSubmit={(event) => void submit(event)}>
        <p className="muted">{t('supervisor.actions.categoriesIntro')}</p>
        <fieldset className="sv-category-list">
          <legend>{t('supervisor.actions.categoriesServed')}</legend>
          <ol ref={list}>
            {rows.map((categoryId) => {
              const position = served.indexOf(categoryId);
              const isServed = position >= 0;
              return (
                <li
                  key={categoryId}
                  className={isServed ? 'sv-category-row' : 'sv-category-row sv-category-off'}
                >
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={isServed}
                      data-category={categoryId}
                      data-control="check"
                      onChange={() =>
                        change(categoryId, 'check', (current) =>
                          isServed
                            ? current.filter((id) => id !== categoryId)
                            : [...current, categoryId],
                        )
                      }
                    />
                    <span className="sv-position" aria-hidden="true">
                      {isServed ? `${position + 1}.` : ''}
                    </span>
                    <span className="prefix-badge" aria-hidden="true">
                      {byId.get(categoryId)?.prefix ?? '?'}
                    </span>
                    {name(categoryId)}
                  </label>
                  {isServed ? (
                    <>
                      <button
                        type="button"
                        className="action sv-arrow"
                        aria-label={t('supervisor.actions.moveUp', { name: name(categoryId) })}
                        data-category={categoryId}
                        data-control="up"
                        disabled={position === 0}
                        onClick={() => move(categoryId, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="action sv-arrow"
                        aria-label={t('supervisor.actions.moveDown', { name: name(categoryId) })}
                        data-category={categoryId}
                        data-control="down"
                        disabled={position === served.length - 1}
                        onClick={() => move(categoryId, 1)}
                      >
                        ↓
                      </button>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </fieldset>
        <DialogFooter
          error={error}
          busy={busy}
          confirm={t('supervisor.actions.categoriesConfirm')}
          enterKey
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
