import { useTranslation } from 'react-i18next';
import { useAppDispatch } from '../../app/hooks';
import { formatTimeOfDay } from '../queue/durations';
import { counterMessageDismissed, useCounterMessagesQuery } from './counterMessagesApi';
import './supervisor.css';

/**
 * The supervisor's messages on the counter's screen, until the clerk closes each. Announced
 * when they arrive, without taking the focus from what the clerk is doing.
 */
export function CounterMessageBanner() {
  const { t, i18n } = useTranslation();
  const dispatch = useAppDispatch();
  const { data: messages = [] } = useCounterMessagesQuery();
  return (
    <div className="counter-messages" role="status" aria-live="polite">
      {messages.map((message) => (
        <section
          key={message.messageId}
          className="counter-message"
          aria-label={t('supervisor.counterMessage.label')}
          data-testid="counter-message"
        >
          <p className="counter-message-label">{t('supervisor.counterMessage.label')}</p>
          <p className="counter-message-text">{message.text}</p>
          <p className="muted small">
            {t('supervisor.counterMessage.from', {
              from: message.from,
              time: formatTimeOfDay(message.at, i18n.language),
            })}
          </p>
          <button
            type="button"
            className="action"
            onClick={() => dispatch(counterMessageDismissed(message.messageId))}
          >
            {t('supervisor.counterMessage.dismiss')}
          </button>
        </section>
      ))}
    </div>
  );
}
