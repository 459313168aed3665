/**
 * The message layer of the ZVT codec in one import: the typed union, its encoders and the
 * decoder. Framing (framing.ts) and HID chunking (hidReports.ts) sit below it; the session
 * (a later step) sits above and speaks only in these messages.
 */
export * from './messageTypes';
export * from './encodeMessage';
export { decodeApdu, decodeMessage, decodeMessages } from './decodeMessage';
export type { DecodeMessageResult } from './decodeMessage';
