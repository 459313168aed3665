import {
  WIRE_PATH,
  WIRE_TOKEN_PARAM,
  wireFromHostSchema,
  type EventName,
  type WireInvoke,
} from '../common/contract';
import { createClerkApi } from './clerkApi';

// The browser host's counterpart of the Electron preload: a classic script loaded before the
// app, which builds the same `window.clerk` over a WebSocket to the host on 127.0.0.1. The
// per-run token comes in the page's address once; it is kept for this tab only and taken out
// of the address bar.

const TOKEN_KEY = 'okienko.token';
const url = new URL(window.location.href);
const tokenFromUrl = url.searchParams.get(WIRE_TOKEN_PARAM);
if (tokenFromUrl) {
  sessionStorage.setItem(TOKEN_KEY, tokenFromUrl);
  url.searchParams.delete(WIRE_TOKEN_PARAM);
  window.history.replaceState(null, '', url.toString());
}
const token = sessionStorage.getItem(TOKEN_KEY) ?? '';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
const pending = new Map<number, Pending>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const outbox: WireInvoke[] = [];
let nextId = 1;
let socket: WebSocket | null = null;
let retryMs = 250;

function connect(): void {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const address = `${protocol}//${window.location.host}${WIRE_PATH}?${WIRE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const ws = new WebSocket(address);
  socket = ws;
  ws.addEventListener('open', () => {
    retryMs = 250;
    for (const message of outbox.splice(0)) ws.send(JSON.stringify(message));
  });
  ws.addEventListener('message', (message) => receive(message.data));
  ws.addEventListener('close', () => {
    socket = null;
    // Calls in flight cannot be answered by a new connection: fail them now, clearly.
    for (const [id, call] of pending) {
      call.reject(new Error('the connection to the browser host was lost'));
      pending.delete(id);
    }
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  });
}

function receive(data: unknown): void {
  let json: unknown;
  try {
    json = JSON.parse(String(data));
  } catch {
    console.warn('The browser host sent a frame that is not JSON; dropped.');
    return;
  }
  const parsed = wireFromHostSchema.safeParse(json);
  if (!parsed.success) {
    console.warn('The browser host sent a frame of an unknown shape; dropped.');
    return;
  }
  const frame = parsed.data;
  if (frame.type === 'result') {
    pending.get(frame.id)?.resolve(frame.result);
    pending.delete(frame.id);
    return;
  }
  const set = listeners.get(frame.event as EventName);
  if (set) for (const listener of set) listener(frame.payload);
}

const clerk = createClerkApi({
  invoke: (channel, payload) =>
    new Promise((resolve, reject) => {
      const message: WireInvoke = { type: 'invoke', id: nextId++, channel, payload };
      pending.set(message.id, { resolve, reject });
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      else outbox.push(message);
    }),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'clerk', { value: Object.freeze(clerk), writable: false });
connect();
