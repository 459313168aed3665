/**
 * The software payment terminal: the terminal's side of ZVT (Okienko profile) over any
 * ZvtLink. One command at a time, like a real terminal: while one runs it holds the master
 * rights, passes the app's acknowledgements to it, honours 06 B0 where a resident could still
 * walk away, and answers any other command with 84 9C ("please wait").
 *
 * A running command stops when the link goes down or the app re-opens its side (it has
 * forgotten the command): an approved payment whose answer never came is then reversed. The
 * state lives in a SimulatorStateStore, so a new TerminalSimulator on the same store (after a
 * reboot, or for a test that restarts the app) remembers the last transaction and the day.
 */
import type { LinkState, ReceivedMessage } from '../link/linkTypes';
import type { ZvtLink } from '../link/zvtLink';
import { Conversation } from './conversation';
import type { RunContext, SimulatorHooks } from './runContext';
import { runEndOfDay } from './runEndOfDay';
import { runPayment } from './runPayment';
import { runRegistration, runRepeatReceipt, runStatusEnquiry } from './runQueries';
import { runReversal } from './runReversal';
import type { Scenario } from './scenarios';
import { recoverAfterRestart, withTransaction } from './simulatorState';
import type { SimulatorState } from './simulatorState';
import { DEFAULT_SIMULATOR_TIMINGS } from './simulatorTimings';
import type { SimulatorTimings } from './simulatorTimings';
import type { SimulatorStateStore } from './stateStore';

const PLEASE_WAIT = 0x9c;
const FUNCTION_NOT_POSSIBLE = 0x83;
const PROTOCOL_ERROR = 0x9a;

export type TerminalSimulatorOptions = {
  link: ZvtLink;
  store: SimulatorStateStore;
  timings?: Partial<SimulatorTimings>;
  now?: () => Date;
  hooks?: SimulatorHooks;
  /** Told about what the terminal does, for logs and for tests. */
  onActivity?: (text: string) => void;
};

export class TerminalSimulator {
  private readonly link: ZvtLink;
  private readonly store: SimulatorStateStore;
  private readonly timings: SimulatorTimings;
  private readonly now: () => Date;
  private readonly hooks: SimulatorHooks;
  private readonly activity: (text: string) => void;
  private readonly scenarios: Scenario[] = [];
  private conversation: Conversation | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly onMessage = (received: ReceivedMessage) => this.receive(received);
  private readonly onState = (state: LinkState) => {
    if (state !== 'connected') this.conversation?.stop('link-lost');
  };
  private readonly onPeerReset = () => this.conversation?.stop('peer-reset');

  constructor(options: TerminalSimulatorOptions) {
    this.link = options.link;
    this.store = options.store;
    this.timings = { ...DEFAULT_SIMULATOR_TIMINGS, ...options.timings };
    this.now = options.now ?? (() => new Date());
    this.hooks = options.hooks ?? {};
    this.activity = options.onActivity ?? (() => undefined);
  }

  /** Settles what a previous run left half-done, then serves the link. */
  start(): void {
    this.store.save(recoverAfterRestart(this.store.load()));
    this.link.on('message', this.onMessage);
    this.link.on('state', this.onState);
    this.link.on('peer-reset', this.onPeerReset);
    this.link.start();
  }

  /** Queues how the next payment or refund ends; without one it is approved. */
  nextScenario(scenario: Scenario): void {
    this.scenarios.push(scenario);
  }

  get busy(): boolean {
    return this.conversation !== null;
  }

  /** Resolves when the command running now (if any) has ended. */
  idle(): Promise<void> {
    return this.running;
  }

  state(): SimulatorState {
    return this.store.load();
  }

  /** Stops like a crash: the running command ends where it is and nothing more is saved. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.conversation?.stop('stopped');
    this.link.off('message', this.onMessage);
    this.link.off('state', this.onState);
    this.link.off('peer-reset', this.onPeerReset);
  }

  private receive(received: ReceivedMessage): void {
    if (this.stopped) return;
    if (!received.ok) {
      void this.link.sendMessage({ kind: 'nack', resultCode: PROTOCOL_ERROR });
      return;
    }
    const message = received.message;
    const conversation = this.conversation;
    switch (message.kind) {
      case 'ack':
        conversation?.answer({ kind: 'ack' });
        return;
      case 'nack':
        conversation?.answer({ kind: 'nack', resultCode: message.resultCode });
        return;
      case 'abort-request': {
        const accepted = conversation?.requestAbort() ?? false;
        this.activity(`abort request ${accepted ? 'accepted' : 'refused'}`);
        void this.link.sendMessage(
          accepted ? { kind: 'ack' } : { kind: 'nack', resultCode: FUNCTION_NOT_POSSIBLE },
        );
        return;
      }
      case 'registration':
      case 'status-enquiry':
      case 'authorisation':
      case 'refund':
      case 'reversal':
      case 'repeat-receipt':
      case 'end-of-day':
        if (conversation) {
          void this.link.sendMessage({ kind: 'nack', resultCode: PLEASE_WAIT });
          return;
        }
        this.run(message.kind, (context) => {
          switch (message.kind) {
            case 'registration':
              return runRegistration(context);
            case 'status-enquiry':
              return runStatusEnquiry(context);
            case 'authorisation':
            case 'refund':
              return runPayment(context, message);
            case 'reversal':
              return runReversal(context, message);
            case 'repeat-receipt':
              return runRepeatReceipt(context);
            case 'end-of-day':
              return runEndOfDay(context);
          }
        });
        return;
      default:
        // A message only a terminal sends: the app is confused.
        void this.link.sendMessage({ kind: 'nack', resultCode: FUNCTION_NOT_POSSIBLE });
    }
  }

  private run(name: string, command: (context: RunContext) => Promise<void>): void {
    const conversation = new Conversation(this.link, this.timings.answerTimeoutMs);
    this.conversation = conversation;
    this.activity(`command ${name}`);
    const context: RunContext = {
      conversation,
      timings: this.timings,
      hooks: this.hooks,
      now: this.now,
      state: () => this.store.load(),
      save: (state) => {
        if (!this.stopped) this.store.save(state);
      },
      record: (tx) => {
        if (!this.stopped) this.store.save(withTransaction(this.store.load(), tx));
      },
      takeScenario: () => this.scenarios.shift() ?? 'approve',
    };
    this.running = command(context)
      .catch((error: unknown) => {
        this.activity(
          `command ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        if (this.conversation === conversation) this.conversation = null;
        this.activity(`command ${name} ended`);
      });
  }
}
