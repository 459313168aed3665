/**
 * Saves a draft on every change without piling up saves: at most one save is in flight, and
 * while it is, only the newest value waits (older ones are dropped: the newest holds them).
 * Whatever was pushed last is always saved in the end, in the order typed.
 */
export type DraftSaver<T> = {
  /** A new value to save: at once, or as soon as the save in flight ends. */
  push(value: T): void;
  /** Resolves once everything pushed so far is saved (or failed): before submit, say. */
  flush(): Promise<void>;
  /** Whether anything is still to be saved or being saved. */
  pending(): boolean;
  /**
   * The window is closing: send the value waiting behind the save in flight now, without
   * waiting for it (there is no later). Both reach main in the order sent.
   */
  sendWaiting(): void;
};

export type DraftSaverEvents<R> = {
  onSaving?: () => void;
  onSaved?: (answer: R) => void;
  onFailed?: (failure: unknown) => void;
};

export function createDraftSaver<T, R>(
  save: (value: T) => Promise<R>,
  events: DraftSaverEvents<R> = {},
): DraftSaver<T> {
  let waiting: { value: T } | null = null;
  let inFlight: Promise<void> | null = null;

  function next(): void {
    if (inFlight || !waiting) return;
    const { value } = waiting;
    waiting = null;
    events.onSaving?.();
    inFlight = save(value)
      .then(
        (answer) => events.onSaved?.(answer),
        (failure: unknown) => events.onFailed?.(failure),
      )
      .finally(() => {
        inFlight = null;
        next();
      });
  }

  return {
    push(value) {
      waiting = { value };
      next();
    },
    async flush() {
      while (inFlight) await inFlight;
    },
    pending: () => inFlight !== null || waiting !== null,
    sendWaiting() {
      if (!inFlight) return next();
      if (!waiting) return;
      const { value } = waiting;
      waiting = null;
      void save(value).then(
        (answer) => events.onSaved?.(answer),
        (failure: unknown) => events.onFailed?.(failure),
      );
    },
  };
}
