import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedMessage } from '../link/linkTypes';
import { TcpClientTransport } from '../link/tcpTransport';
import { ZvtLink } from '../link/zvtLink';
import { memoryStateStore } from './stateStore';
import { listenTcpSimulator } from './tcpSimulator';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('the simulator over TCP', () => {
  it('answers a status enquiry with bare APDUs', async () => {
    const server = await listenTcpSimulator({ store: memoryStateStore(), port: 0 });
    cleanup.push(() => server.close());
    const link = new ZvtLink(new TcpClientTransport({ host: '127.0.0.1', port: server.port }));
    cleanup.push(() => link.close());
    const received: ReceivedMessage[] = [];
    const done = new Promise<void>((resolve) => {
      link.on('message', (message) => {
        received.push(message);
        if (message.ok && message.message.kind === 'completion') resolve();
      });
    });
    link.on('state', (state) => {
      if (state === 'connected')
        void link.sendMessage({ kind: 'status-enquiry', password: '000000' });
    });
    link.start();
    await done;
    expect(received.map((m) => m.ok && m.message)).toEqual([
      { kind: 'ack' },
      { kind: 'completion', softwareVersion: 'OKIENKO-SIM 1.0', terminalStatus: 0 },
    ]);
  });

  it('takes a payment whose result is lost (no cable to pull on TCP) as reversed', async () => {
    const store = memoryStateStore();
    const server = await listenTcpSimulator({
      store,
      port: 0,
      timings: { cardPresentMs: 1, bankMs: 1 },
    });
    cleanup.push(() => server.close());
    const link = new ZvtLink(new TcpClientTransport({ host: '127.0.0.1', port: server.port }));
    cleanup.push(() => link.close());
    const kinds: string[] = [];
    link.on('message', (message) => {
      kinds.push(message.ok ? message.message.kind : 'undecodable');
      if (message.ok && message.message.kind !== 'ack') void link.sendMessage({ kind: 'ack' });
    });
    link.on('state', (state) => {
      if (state === 'connected') {
        void link.sendMessage({
          kind: 'authorisation',
          amountGrosze: 1250,
          currency: 985,
          paymentType: 'card',
        });
      }
    });
    server.nextScenario('lose-response');
    link.start();
    for (let i = 0; i < 400 && store.peek().last?.state !== 'reversed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(kinds).toEqual(['ack', 'intermediate-status', 'intermediate-status']);
    expect(store.peek().last).toMatchObject({ state: 'reversed', resultCode: 0 });
  });
});
