import {
  channels,
  describeIssues,
  isChannelName,
  issuesFromZod,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type IpcResult,
  type PayloadIssue,
} from '../../common/contract';
import { ServiceError } from './serviceError';

export type ChannelHandler<C extends ChannelName> = (
  request: ChannelRequest<C>,
) => ChannelResponse<C> | Promise<ChannelResponse<C>>;

/** One handler for every channel of the contract: the compiler refuses a missing one. */
export type ChannelHandlers = { [C in ChannelName]: ChannelHandler<C> };

export type DispatchLogger = {
  warn: (fields: Record<string, unknown>, message: string) => void;
  error: (fields: Record<string, unknown>, message: string) => void;
};

/**
 * The transport-independent half of IPC: the Electron shell and the browser host both hand it
 * an untrusted (channel, payload) pair after their own sender check. It parses the payload with
 * the channel's schema, calls the service and answers ok / typed error. It never throws, so a
 * bad message can never take main down.
 */
export function createIpcDispatcher(handlers: ChannelHandlers, logger: DispatchLogger) {
  return async function dispatch(channel: unknown, payload: unknown): Promise<IpcResult<unknown>> {
    if (!isChannelName(channel)) {
      logger.warn({ channel: String(channel).slice(0, 80) }, 'IPC call on an unknown channel');
      return fail(
        'unknown-channel',
        `There is no IPC channel named "${String(channel).slice(0, 80)}".`,
      );
    }
    const definition = channels[channel];
    const parsed = definition.request.safeParse(payload);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      logger.warn({ channel, issues }, 'IPC payload rejected');
      return {
        ok: false,
        error: {
          code: 'invalid-payload',
          message: `Invalid payload for ${channel}: ${describeIssues(issues)}`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      // The response is checked too: a service that drifts from the contract is caught here,
      // in main, rather than as a puzzling undefined in a React component.
      const checked = definition.response.safeParse(value);
      if (!checked.success) {
        logger.error(
          { channel, issues: issuesFromZod(checked.error) },
          'IPC response broke the contract',
        );
        return fail(
          'internal',
          `The app answered ${channel} with data it should not have. This is a bug.`,
        );
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ServiceError && isDeclaredCode(channel, error.code)) {
        return fail(error.code, error.message, error.issues);
      }
      logger.error({ channel, err: error }, 'IPC handler failed');
      return fail('internal', `${channel} failed unexpectedly. The details are in the app's log.`);
    }
  };
}

export type IpcDispatch = ReturnType<typeof createIpcDispatcher>;

function isDeclaredCode(channel: ChannelName, code: string): boolean {
  return (channels[channel].errorCodes as readonly string[]).includes(code);
}

function fail(code: string, message: string, issues?: PayloadIssue[]): IpcResult<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
