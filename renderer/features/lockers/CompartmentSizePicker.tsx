import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompartmentSize } from '../../../common/contract/lockerLabel';
import { COMPARTMENT_SIZES, sizeForKey } from './compartmentSizes';

/**
 * The compartment size as a radio group: one Tab stop, the arrows move the choice (the browser's
 * own radio keys), and 1, 2, 3 pick small, medium, large from anywhere in the group.
 */
export function CompartmentSizePicker(props: {
  value: CompartmentSize;
  onChange: (size: CompartmentSize) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const hintId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const size = sizeForKey(event.key);
    if (!size) return;
    event.preventDefault();
    props.onChange(size);
    event.currentTarget
      .querySelector<HTMLInputElement>(`input[value="${size}"]`)
      ?.focus({ preventScroll: true });
  }

  return (
    <fieldset
      className="locker-sizes"
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      data-testid="locker-size"
    >
      <legend>{t('lockers.prepare.sizeLegend')}</legend>
      {COMPARTMENT_SIZES.map((size, index) => (
        <label key={size} className="locker-size-option">
          <input
            type="radio"
            name={name}
            value={size}
            checked={props.value === size}
            onChange={() => props.onChange(size)}
            data-testid={`locker-size-${size}`}
          />
          <kbd>{index + 1}</kbd> {t(`lockers.prepare.sizes.${size}`)}
        </label>
      ))}
      <p id={hintId} className="muted small">
        {t('lockers.prepare.sizeHint')}
      </p>
    </fieldset>
  );
}
