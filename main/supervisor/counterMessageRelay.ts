import type { CounterMessage } from '../../common/contract/central/supervisor';
import { counterMessageSchema } from '../../common/contract/central/supervisor';
import type { LiveEvent } from '../../common/contract/central/liveEvents';

/**
 * A supervisor's message reaches a counter as a `counter.message` live event, which every PC
 * of the city receives: this one passes on only those for its own counter (site and number).
 */
export function counterMessageFor(
  event: LiveEvent,
  counter: { siteId: string; counterNumber: number },
): CounterMessage | null {
  if (event.type !== 'counter.message') return null;
  const parsed = counterMessageSchema.safeParse(event.data);
  if (!parsed.success) return null;
  const message = parsed.data;
  return message.siteId === counter.siteId && message.counterNumber === counter.counterNumber
    ? message
    : null;
}
