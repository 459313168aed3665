/**
 * The app's side of the cable, scripted, for tests of the simulator (and of anything that
 * needs a terminal to talk to): connects through a HidDeviceFinder like the real app, and
 * reads and acknowledges messages one by one while advancing vitest's fake timers.
 */
import { expect, vi } from 'vitest';
import { HidTransport } from '../link/hidTransport';
import type { HidDeviceFinder } from '../link/hidDevice';
import type { ReceivedMessage, SendResult } from '../link/linkTypes';
import { MessageInbox } from '../link/messageInbox';
import { ZvtLink } from '../link/zvtLink';
import type { ZvtMessage, ZvtMessageKind } from '../zvt/messageTypes';

const STEP_MS = 250;

export class AppDriver {
  readonly link: ZvtLink;
  readonly inbox: MessageInbox;
  /** Every message received, in order. */
  readonly log: ReceivedMessage[] = [];

  constructor(finder: HidDeviceFinder) {
    this.link = new ZvtLink(new HidTransport(finder, { side: 'app' }));
    this.inbox = new MessageInbox(this.link);
    this.link.on('message', (message) => this.log.push(message));
  }

  async connect(maxMs = 10_000): Promise<void> {
    this.link.start();
    await this.until(() => this.link.state === 'connected', maxMs, 'the link to connect');
  }

  async until(condition: () => boolean, maxMs: number, what: string): Promise<void> {
    await vi.advanceTimersByTimeAsync(0);
    for (let waited = 0; !condition(); waited += STEP_MS) {
      if (waited >= maxMs) throw new Error(`waited ${maxMs} ms for ${what}`);
      await vi.advanceTimersByTimeAsync(STEP_MS);
    }
  }

  async send(message: ZvtMessage): Promise<SendResult> {
    const sent = this.link.sendMessage(message);
    await vi.advanceTimersByTimeAsync(0);
    return sent;
  }

  /** Sends a command and expects the link to deliver it. */
  async command(message: ZvtMessage): Promise<void> {
    expect(await this.send(message)).toMatchObject({ ok: true });
  }

  /** The next message, whatever it is; fails after `maxMs` of virtual time without one. */
  async next(maxMs = 400_000): Promise<ZvtMessage> {
    await this.until(() => this.inbox.pending.length > 0, maxMs, 'a message');
    const received = await this.inbox.next(0);
    if (!received?.ok) throw new Error(`undecodable message: ${received?.error.message}`);
    return received.message;
  }

  async expect<K extends ZvtMessageKind>(
    kind: K,
    maxMs?: number,
  ): Promise<Extract<ZvtMessage, { kind: K }>> {
    const message = await this.next(maxMs);
    expect(message.kind).toBe(kind);
    return message as Extract<ZvtMessage, { kind: K }>;
  }

  /** Expects a message and answers it with 80 00 00. */
  async expectAndAck<K extends ZvtMessageKind>(
    kind: K,
    maxMs?: number,
  ): Promise<Extract<ZvtMessage, { kind: K }>> {
    const message = await this.expect(kind, maxMs);
    await this.command({ kind: 'ack' });
    return message;
  }

  /** Nothing arrives for `ms`. */
  async expectSilence(ms: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms);
    expect(this.inbox.pending.map((m) => (m.ok ? m.message.kind : 'undecodable'))).toEqual([]);
  }

  close(): Promise<void> {
    this.inbox.dispose();
    return this.link.close();
  }
}
