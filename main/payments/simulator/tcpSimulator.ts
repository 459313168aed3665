/**
 * The simulator on ZVT's TCP port (bare APDUs, §2.2), for manual tests with other ZVT tools:
 * one app connection at a time, all sharing one state store. The fault scenarios that need a
 * cable (link-drop, lose-response, reboot) behave as if the result never left.
 */
import net from 'node:net';
import { ZVT_TCP_PORT, SocketTransport } from '../link/tcpTransport';
import { ZvtLink } from '../link/zvtLink';
import type { Scenario } from './scenarios';
import type { SimulatorTimings } from './simulatorTimings';
import type { SimulatorStateStore } from './stateStore';
import { TerminalSimulator } from './terminalSimulator';

export type TcpSimulatorOptions = {
  store: SimulatorStateStore;
  host?: string;
  port?: number;
  timings?: Partial<SimulatorTimings>;
  onActivity?: (text: string) => void;
};

export type TcpSimulatorServer = {
  port: number;
  /** How the next payment or refund ends, for the connection now or the next one. */
  nextScenario(scenario: Scenario): void;
  close(): Promise<void>;
};

export function listenTcpSimulator(options: TcpSimulatorOptions): Promise<TcpSimulatorServer> {
  let active: { simulator: TerminalSimulator; link: ZvtLink } | null = null;
  const pendingScenarios: Scenario[] = [];
  const server = net.createServer((socket) => {
    if (active) {
      socket.destroy(); // One ECR at a time, as on a real terminal.
      return;
    }
    const link = new ZvtLink(new SocketTransport(socket));
    const simulator = new TerminalSimulator({
      link,
      store: options.store,
      ...(options.timings ? { timings: options.timings } : {}),
      ...(options.onActivity ? { onActivity: options.onActivity } : {}),
    });
    for (const scenario of pendingScenarios.splice(0)) simulator.nextScenario(scenario);
    const session = { simulator, link };
    active = session;
    link.on('state', (state) => {
      if (state === 'connected' || active !== session) return;
      active = null;
      simulator.stop();
    });
    simulator.start();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? ZVT_TCP_PORT, options.host ?? '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        nextScenario: (scenario) => {
          if (active) active.simulator.nextScenario(scenario);
          else pendingScenarios.push(scenario);
        },
        close: async () => {
          const current = active;
          active = null;
          current?.simulator.stop();
          await current?.link.close();
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
