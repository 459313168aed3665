/**
 * The terminal's messages as the ZVT adapter reads them during one operation: a queue to await
 * one at a time, which also wakes the reader when the link goes down or the terminal re-opens
 * its side (then nothing more of this operation will come; how it ended must be asked, §8).
 */
import type { LinkState, ReceivedMessage } from '../link/linkTypes';
import type { ZvtLink } from '../link/zvtLink';

export type Incoming =
  | { kind: 'message'; received: ReceivedMessage }
  | { kind: 'timeout' }
  | { kind: 'lost'; detail: string };

export class ZvtIncoming {
  private readonly queued: ReceivedMessage[] = [];
  private lost: string | null = null;
  private waiter: ((incoming: Incoming) => void) | null = null;
  private readonly link: ZvtLink;

  constructor(link: ZvtLink) {
    this.link = link;
    link.on('message', (received) => {
      if (this.waiter) this.waiter({ kind: 'message', received });
      else this.queued.push(received);
    });
    link.on('state', (state: LinkState) => {
      if (state !== 'connected') this.interrupt(`the link is ${state}`);
    });
    link.on('peer-reset', () => this.interrupt('the terminal re-opened the link'));
  }

  /** A new operation starts: what was left over from the last one is dropped. */
  begin(): void {
    this.queued.length = 0;
    this.lost = this.link.state === 'connected' ? null : `the link is ${this.link.state}`;
  }

  next(timeoutMs: number): Promise<Incoming> {
    const first = this.queued.shift();
    if (first) return Promise.resolve({ kind: 'message', received: first });
    if (this.lost) return Promise.resolve({ kind: 'lost', detail: this.lost });
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
      const settle = (incoming: Incoming) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(incoming);
      };
      this.waiter = settle;
    });
  }

  private interrupt(detail: string): void {
    this.lost ??= detail;
    this.waiter?.({ kind: 'lost', detail });
  }
}
