/**
 * The terminal's side of one running command: send a message and await the app's
 * acknowledgement, wait for the (simulated) resident while staying open to an abort request,
 * and stop at once when the link goes down, the app re-opens its side, or the simulator stops.
 */
import type { ZvtLink } from '../link/zvtLink';
import type { ZvtMessage } from '../zvt/messageTypes';

export type Interrupt = 'link-lost' | 'peer-reset' | 'stopped';

/** The app's answer to a message: 80 00 00, 84 xx, nothing in time, or the run was cut off. */
export type Answer =
  | { kind: 'ack' }
  | { kind: 'nack'; resultCode: number }
  | { kind: 'timeout' }
  | { kind: 'undelivered' }
  | { kind: 'interrupted'; reason: Interrupt };

export type WaitOutcome = 'elapsed' | 'abort-requested' | Interrupt;

export class Conversation {
  /** Set while the terminal waits for the card or the BLIK code: 06 B0 may abort then. */
  cancellable = false;
  private interrupt: Interrupt | null = null;
  private abortRequested = false;
  private readonly answers: Answer[] = [];
  private answerWaiter: ((answer: Answer) => void) | null = null;
  private sleepWaker: (() => void) | null = null;
  private readonly link: ZvtLink;
  private readonly answerTimeoutMs: number;

  constructor(link: ZvtLink, answerTimeoutMs: number) {
    this.link = link;
    this.answerTimeoutMs = answerTimeoutMs;
  }

  get interrupted(): Interrupt | null {
    return this.interrupt;
  }

  /** Sends a message; false when the link could not deliver it. */
  async send(message: ZvtMessage): Promise<boolean> {
    if (this.interrupt) return false;
    const result = await this.link.sendMessage(message);
    return result.ok;
  }

  /** Sends a message and waits for the app's 80 00 00 or 84 xx (T4 on this side). */
  async exchange(message: ZvtMessage): Promise<Answer> {
    if (this.interrupt) return { kind: 'interrupted', reason: this.interrupt };
    if (!(await this.send(message))) {
      return this.interrupt
        ? { kind: 'interrupted', reason: this.interrupt }
        : { kind: 'undelivered' };
    }
    return this.awaitAnswer();
  }

  /** Waits `ms` for the resident or the bank; an abort request ends it early while cancellable. */
  sleep(ms: number): Promise<WaitOutcome> {
    const early = this.early();
    if (early) return Promise.resolve(early);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), ms);
      const finish = () => {
        clearTimeout(timer);
        this.sleepWaker = null;
        resolve(this.early() ?? 'elapsed');
      };
      this.sleepWaker = finish;
    });
  }

  /** The app's 80 00 00 / 84 xx arrived (possibly before exchange() started waiting). */
  answer(answer: Answer): void {
    if (this.answerWaiter) this.answerWaiter(answer);
    else this.answers.push(answer);
  }

  /** 06 B0 from the app: honoured only while cancellable; true when it will be. */
  requestAbort(): boolean {
    if (!this.cancellable || this.interrupt) return false;
    this.abortRequested = true;
    this.sleepWaker?.();
    return true;
  }

  stop(reason: Interrupt): void {
    if (this.interrupt) return;
    this.interrupt = reason;
    this.sleepWaker?.();
    this.answerWaiter?.({ kind: 'interrupted', reason });
  }

  private early(): WaitOutcome | null {
    if (this.interrupt) return this.interrupt;
    if (this.abortRequested && this.cancellable) return 'abort-requested';
    return null;
  }

  /** Waits for the app's 80 00 00 / 84 xx to what was sent last. */
  awaitAnswer(): Promise<Answer> {
    if (this.interrupt) return Promise.resolve({ kind: 'interrupted', reason: this.interrupt });
    const queued = this.answers.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle({ kind: 'timeout' }), this.answerTimeoutMs);
      const settle = (answer: Answer) => {
        clearTimeout(timer);
        this.answerWaiter = null;
        resolve(answer);
      };
      this.answerWaiter = settle;
    });
  }
}
