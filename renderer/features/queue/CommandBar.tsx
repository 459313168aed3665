import { useTranslation } from 'react-i18next';
import type { Availability, PanelCommand } from './commandAvailability';
import { whyNotText } from './queueMessages';

/** The counter's commands in the order a clerk uses them, each with its function key. */
export const COMMAND_KEYS: readonly { command: PanelCommand; key: string }[] = [
  { command: 'callNext', key: 'F2' },
  { command: 'recall', key: 'F3' },
  { command: 'noShow', key: 'F4' },
  { command: 'transfer', key: 'F6' },
  { command: 'park', key: 'F7' },
  { command: 'finish', key: 'F8' },
  { command: 'pause', key: 'F9' },
];

/**
 * The big buttons: each shows its key, and when it cannot be used now, why (the button stays
 * focusable and says so when pressed, rather than going silently grey).
 */
export function CommandBar(props: {
  availability: Record<PanelCommand, Availability>;
  busy: boolean;
  onCommand: (command: PanelCommand) => void;
}) {
  const { t } = useTranslation();
  const paused = props.availability.resume.enabled;
  return (
    <div className="command-bar" role="group" aria-label={t('queue.panelLabel')}>
      {COMMAND_KEYS.map(({ command: base, key }) => {
        // F9 is Pause, and Resume while paused.
        const command: PanelCommand = base === 'pause' && paused ? 'resume' : base;
        const availability = props.availability[command];
        const why = whyNotText(t, availability);
        return (
          <button
            key={key}
            type="button"
            className={`command command-${command}${base === 'callNext' ? ' command-primary' : ''}`}
            aria-disabled={!availability.enabled || props.busy}
            aria-keyshortcuts={key}
            data-testid={`command-${command}`}
            onClick={() => props.onCommand(command)}
          >
            <span className="command-label">
              {t(`queue.commands.${command}`)}
              <kbd>{key}</kbd>
            </span>
            <span className="command-why">{why ?? '\u00a0'}</span>
          </button>
        );
      })}
    </div>
  );
}
