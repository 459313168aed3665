/**
 * What the ZVT link layer gives its user (the payment session, the simulator): results of
 * sending, received messages, state. Typed values only; nothing is thrown.
 */
import type { ZvtDecodeError } from '../zvt/errors';
import type { ZvtMessage } from '../zvt/messageTypes';
import type { TransportState } from './byteTransport';

export type LinkState = TransportState;

export type LinkErrorCode =
  /** Nothing to send on: the terminal is not connected. The frame did not leave. */
  | 'not-connected'
  /** The link went down while the frame was sent or its ACK awaited. */
  | 'link-lost'
  /** No ACK or NAK within T3 (and, for a repeat-safe frame, after every repeat). */
  | 'no-ack'
  /** NAKed on every send: the line damages the frame. */
  | 'nak-limit'
  /** The link was closed by its owner. */
  | 'closed'
  /** The message could not be encoded (a value out of range): a bug on our side. */
  | 'bad-message';

export type LinkError = {
  code: LinkErrorCode;
  message: string;
  /**
   * True when the peer may have received the frame after all (a silent timeout, a link lost
   * after the frame left). For a payment command that means: ask, never send it again (§8).
   */
  maybeDelivered: boolean;
  /** How many times the frame was sent. */
  attempts: number;
};

export type SendResult = { ok: true; attempts: number } | { ok: false; error: LinkError };

export type ReceivedMessage =
  | { ok: true; message: ZvtMessage; apdu: Uint8Array }
  /** A frame that arrived intact but does not decode: the session answers it with 84 xx. */
  | { ok: false; error: ZvtDecodeError; apdu: Uint8Array };

export type LinkProblemCode =
  | 'crc-error'
  | 'framing-error'
  | 'frame-stalled'
  | 'duplicate-frame'
  | 'implicit-ack'
  | 'unexpected-ack'
  | 'repeat'
  | 'stream-gap'
  | 'transport';

/** Things that went wrong below the messages and were handled; for the log and for tests. */
export type LinkProblem = { code: LinkProblemCode; message: string };

export type LinkEvents = {
  message: [received: ReceivedMessage];
  state: [state: LinkState];
  /** The peer re-opened its side (HID RESET): it has forgotten anything in progress. */
  'peer-reset': [];
  problem: [problem: LinkProblem];
};
