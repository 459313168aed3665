import type { z } from 'zod';
import { appChannels, appEvents } from './app';
import { assistantChannels } from './assistant';
import { authChannels, authEvents } from './auth';
import { casesChannels, casesEvents } from './cases';
import { enrolmentChannels, enrolmentEvents } from './enrolment';
import { diagnosticsChannels } from './diagnostics';
import { labelsChannels, labelsEvents } from './labels';
import { paymentsChannels, paymentsEvents } from './payments';
import { lockersChannels, lockersEvents } from './lockers';
import { queueChannels, queueEvents } from './queue';
import { referenceChannels } from './reference';
import { supervisorChannels, supervisorEvents } from './supervisor';
import { syncChannels, syncEvents } from './sync';
import { updatesChannels, updatesEvents } from './updates';
import type { IpcResult } from './ipcError';

export * from './app';
export * from './assistant';
export * from './auth';
export * from './caseDraft';
export * from './cases';
export * from './defineChannel';
export * from './enrolment';
export * from './diagnostics';
export * from './ipcError';
export * from './labels';
export * from './payments';
export * from './lockers';
export * from './queue';
export * from './reference';
export * from './supervisor';
export * from './sync';
export * from './updates';
export * from './wire';
export * from './workstationConfig';

/** Every IPC channel of the app, by name (`domain:verb`). Add a domain's channels here. */
export const channels = {
  ...appChannels,
  ...syncChannels,
  ...authChannels,
  ...referenceChannels,
  ...queueChannels,
  ...casesChannels,
  ...paymentsChannels,
  ...assistantChannels,
  ...lockersChannels,
  ...labelsChannels,
  ...supervisorChannels,
  ...diagnosticsChannels,
  ...updatesChannels,
  ...enrolmentChannels,
} as const;

/** Every event main sends to the renderer, by name. */
export const events = {
  ...appEvents,
  ...syncEvents,
  ...authEvents,
  ...queueEvents,
  ...casesEvents,
  ...lockersEvents,
  ...paymentsEvents,
  ...labelsEvents,
  ...supervisorEvents,
  ...updatesEvents,
  ...enrolmentEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelRequest<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<Channels[C]['response']>;
export type ChannelErrorCode<C extends ChannelName> = Channels[C]['errorCodes'][number];
export type ChannelResult<C extends ChannelName> = IpcResult<
  ChannelResponse<C>,
  ChannelErrorCode<C>
>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/**
 * `window.clerk`: the one API the renderer has. The Electron preload and the browser host's
 * bridge both build it from the contract above; `invoke` and `on` take the contract's names
 * and nothing else.
 */
export interface ClerkApi {
  invoke<C extends ChannelName>(channel: C, payload: ChannelRequest<C>): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
