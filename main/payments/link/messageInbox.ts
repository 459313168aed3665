/**
 * Received messages as a queue to await one at a time, for code that runs a conversation
 * step by step (the simulator's commands, tests, the session): `await inbox.next(ms)`.
 * Messages that arrive while nobody waits are kept in order.
 */
import type { ReceivedMessage } from './linkTypes';
import type { ZvtLink } from './zvtLink';

export class MessageInbox {
  private readonly queued: ReceivedMessage[] = [];
  private waiter: ((message: ReceivedMessage | null) => void) | null = null;
  private readonly listener = (message: ReceivedMessage) => {
    if (this.waiter) this.waiter(message);
    else this.queued.push(message);
  };

  private readonly link: ZvtLink;

  constructor(link: ZvtLink) {
    this.link = link;
    link.on('message', this.listener);
  }

  /** The next message, or null when none arrives within `timeoutMs`. */
  next(timeoutMs: number): Promise<ReceivedMessage | null> {
    const first = this.queued.shift();
    if (first) return Promise.resolve(first);
    if (this.waiter) return Promise.reject(new Error('MessageInbox: one next() at a time'));
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(null), timeoutMs);
      const settle = (message: ReceivedMessage | null) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(message);
      };
      this.waiter = settle;
    });
  }

  /** Messages received and not yet taken. */
  get pending(): readonly ReceivedMessage[] {
    return this.queued;
  }

  clear(): void {
    this.queued.length = 0;
  }

  dispose(): void {
    this.link.off('message', this.listener);
    this.waiter?.(null);
  }
}
