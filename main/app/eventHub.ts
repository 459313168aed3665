import { events, type EventName, type EventPayload } from '../../common/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Main → renderer events. Services publish; each host subscribes once and carries the events
 * to its windows (Electron's webContents.send, the browser host's WebSocket). Payloads are
 * checked against the contract on the way out, so no window ever receives a malformed one.
 */
export function createEventHub() {
  const listeners = new Set<EventListener>();
  return {
    publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
      const checked = events[event].payload.parse(payload) as EventPayload<E>;
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
