import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeStatusEnquiry } from '../zvt/encodeMessage';
import type { ReceivedMessage } from './linkTypes';
import { SocketTransport, TcpClientTransport } from './tcpTransport';
import { ZvtLink } from './zvtLink';

const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function listen(onSocket: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onSocket);
  cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

describe('ZVT over TCP', () => {
  it('carries bare APDUs both ways: no DLE framing, no ACK bytes', async () => {
    const rawFromApp: number[] = [];
    const terminalReceived = new Promise<ReceivedMessage>((resolve) => {
      void listen((socket) => {
        socket.on('data', (data) => rawFromApp.push(...data));
        const link = new ZvtLink(new SocketTransport(socket));
        cleanup.push(() => link.close());
        link.on('message', (message) => {
          resolve(message);
          void link.sendMessage({ kind: 'ack' });
        });
      }).then((port) => app(port));
    });
    let appReceived!: (message: ReceivedMessage) => void;
    const answer = new Promise<ReceivedMessage>((resolve) => (appReceived = resolve));
    const app = (port: number) => {
      const link = new ZvtLink(new TcpClientTransport({ host: '127.0.0.1', port }));
      cleanup.push(() => link.close());
      link.on('message', appReceived);
      link.on('state', (state) => {
        if (state === 'connected') void link.send(encodeStatusEnquiry({ password: '000000' }));
      });
      link.start();
    };
    const received = await terminalReceived;
    expect(received.ok && received.message.kind).toBe('status-enquiry');
    expect(rawFromApp).toEqual([0x05, 0x01, 0x03, 0x00, 0x00, 0x00]);
    const ack = await answer;
    expect(ack.ok && ack.message.kind).toBe('ack');
  });

  it('answers not-connected while no terminal listens', async () => {
    const transport = new TcpClientTransport({
      host: '127.0.0.1',
      port: 1,
      retryIntervalMs: 60_000,
    });
    cleanup.push(() => transport.close());
    transport.start();
    expect(await transport.write(Uint8Array.of(1))).toMatchObject({
      ok: false,
      error: { code: 'not-connected' },
    });
  });
});
