/**
 * `npm run zvt -- decode <hex>` / `npm run zvt -- encode <json>`: the IT support tool for
 * captured terminal traffic. Pure: takes the arguments, returns what to print and the exit
 * code, so it is tested without a process. scripts/zvt.ts bundles and runs it.
 *
 * Exit codes: 0 everything decoded, 1 the input decoded but with errors (a bad CRC, a message
 * that does not parse; the JSON says which), 2 the input itself is unusable (not hex, not
 * JSON, unknown command).
 */
import { commandName } from './apdu';
import { parseHex, toHex } from './bytes';
import { zvtCommandName } from './commandNames';
import { decodeMessage, decodeMessages } from './decodeMessage';
import type { DecodeMessageResult, DecodeOptions } from './decodeMessage';
import { encodeMessage } from './encodeMessage';
import { ACK, DLE, NAK, STX, decodeFrames, encodeFrame } from './framing';
import { describeIntermediateStatus } from './intermediateStatuses';
import { COMMANDS, zvtMessageSchema } from './messageTypes';
import type { ZvtMessage } from './messageTypes';
import { describeResultCode, describeTerminalStatus } from './resultCodes';
import { DEFAULT_CHARSET, ZVT_CHARSETS } from './text';
import type { ZvtCharset } from './text';

export type CliResult = { stdout: string; stderr: string; exitCode: 0 | 1 | 2 };

export const USAGE = `Usage:
  npm run zvt -- decode <hex> [--serial | --bare] [--charset=cp437|iso-8859-1|iso-8859-2]
      Decodes captured ZVT traffic: serial frames (10 02 … 10 03 CRC) with ACK/NAK bytes, or
      bare APDUs as sent over TCP. Separators (spaces, -, :) are allowed. Prints JSON.
  npm run zvt -- encode '<json>' [--bare] [--charset=…]
      Encodes one message, e.g. '{"kind":"authorisation","amountGrosze":1250,"currency":985,
      "paymentType":"blik"}', and prints the serial frame in hex (--bare: the APDU only).
  Text fields are in the terminal's character set: code page 437 unless --charset says otherwise.
Exit code: 0 decoded, 1 decoded with errors (see the JSON), 2 unusable input.`;

export function runZvtCli(args: readonly string[]): CliResult {
  const [command, ...rest] = args;
  const flags = rest.filter((arg) => arg.startsWith('--'));
  const operands = rest.filter((arg) => !arg.startsWith('--'));
  switch (command) {
    case 'decode':
      return decode(operands, flags);
    case 'encode':
      return encode(operands, flags);
    case 'help':
    case '--help':
    case '-h':
      return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
    case undefined:
      return usageError('no command given: use decode or encode');
    default:
      return usageError(`unknown command "${command}": use decode or encode`);
  }
}

function decode(operands: string[], flags: string[]): CliResult {
  const unknownFlag = flags.find(
    (flag) => flag !== '--serial' && flag !== '--bare' && !flag.startsWith('--charset='),
  );
  if (unknownFlag) return usageError(`unknown option ${unknownFlag} for decode`);
  const charset = charsetOf(flags);
  if (!charset.ok) return usageError(charset.error);
  if (operands.length === 0) return usageError('decode needs the bytes in hex');
  const parsed = parseHex(operands.join(' '));
  if (!parsed.ok) return usageError(`cannot read the hex: ${parsed.error}`);
  const bytes = parsed.bytes;
  const serial = flags.includes('--serial') || (!flags.includes('--bare') && looksSerial(bytes));
  const options = { charset: charset.value };
  const items = serial
    ? serialItems(bytes, options)
    : decodeMessages(bytes, options).map((result): Item => ({
        type: 'apdu',
        ...apduFields(result),
      }));
  const failed = items.some(
    (item) => item.type === 'error' || item.crcOk === false || 'error' in item,
  );
  const transport = serial ? 'serial' : 'bare';
  const output = items.length === 1 ? { transport, ...items[0] } : { transport, items };
  return { stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '', exitCode: failed ? 1 : 0 };
}

/** A capture starts with DLE STX, or with the ACK/NAK answering a frame before it. */
function looksSerial(bytes: Uint8Array): boolean {
  if (bytes[0] === DLE && bytes[1] === STX) return true;
  if (bytes[0] === ACK || bytes[0] === NAK) {
    return bytes.length === 1 || (bytes[1] === DLE && bytes[2] === STX);
  }
  return false;
}

type Item = { type: string; crcOk?: boolean; [key: string]: unknown };

function serialItems(bytes: Uint8Array, options: DecodeOptions): Item[] {
  return decodeFrames(bytes).map((event): Item => {
    switch (event.type) {
      case 'ack':
      case 'nak':
        return { type: event.type };
      case 'frame':
        return {
          type: 'frame',
          crcOk: true,
          crc: hexWord(event.crc),
          ...apduFields(decodeMessage(event.apdu, options), event.apdu),
        };
      case 'error': {
        const { error } = event;
        if (error.code === 'crc-mismatch' && error.apdu) {
          return {
            type: 'frame',
            crcOk: false,
            crcReceived: hexWord(error.receivedCrc ?? 0),
            crcComputed: hexWord(error.expectedCrc ?? 0),
            ...apduFields(decodeMessage(error.apdu, options), error.apdu),
          };
        }
        return { type: 'error', code: error.code, message: error.message };
      }
    }
  });
}

/** What an APDU says: its command and name, then the decoded fields or the error. */
function apduFields(result: DecodeMessageResult, apdu?: Uint8Array): Record<string, unknown> {
  if (!result.ok) {
    const command =
      result.error.command ??
      (apdu && apdu.length >= 2 ? commandName(apdu[0]!, apdu[1]!) : undefined);
    return {
      ...(command ? { command, name: zvtCommandName(command) } : {}),
      error: result.error,
    };
  }
  const { kind, ...fields } = result.message;
  const command = commandOf(result.message);
  return {
    command,
    name: zvtCommandName(command),
    kind,
    fields,
    ...meaningOf(result.message),
  };
}

function commandOf(message: ZvtMessage): string {
  const [cls, instr] = COMMANDS[message.kind];
  return commandName(cls, message.kind === 'nack' ? message.resultCode : instr);
}

/** The words a clerk would see, so IT support reads the capture the way the app does. */
function meaningOf(message: ZvtMessage): {
  meaning?: { en: string; pl: string; category?: string };
} {
  switch (message.kind) {
    case 'status-information':
    case 'abort':
    case 'nack': {
      const { category, en, pl } = describeResultCode(message.resultCode);
      return { meaning: { category, en, pl } };
    }
    case 'intermediate-status':
      return {
        meaning: describeIntermediateStatus(
          message.statusCode,
          message.blikStep,
          message.displayTexts,
        ),
      };
    case 'completion':
      if (message.terminalStatus === undefined) return {};
      return { meaning: pick(describeTerminalStatus(message.terminalStatus)) };
    default:
      return {};
  }
}

function pick({ en, pl }: { en: string; pl: string }) {
  return { en, pl };
}

function encode(operands: string[], flags: string[]): CliResult {
  const unknownFlag = flags.find((flag) => flag !== '--bare' && !flag.startsWith('--charset='));
  if (unknownFlag) return usageError(`unknown option ${unknownFlag} for encode`);
  const charset = charsetOf(flags);
  if (!charset.ok) return usageError(charset.error);
  if (operands.length === 0) return usageError('encode needs a message as JSON');
  let json: unknown;
  try {
    json = JSON.parse(operands.join(' '));
  } catch (error) {
    return usageError(`the message is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = zvtMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return usageError(`the message is not a ZVT message Okienko speaks: ${where}${issue.message}`);
  }
  let apdu: Uint8Array;
  try {
    apdu = encodeMessage(parsed.data, { charset: charset.value });
  } catch (error) {
    return usageError(`cannot encode the message: ${(error as Error).message}`);
  }
  const bytes = flags.includes('--bare') ? apdu : encodeFrame(apdu);
  return { stdout: `${toHex(bytes, ' ')}\n`, stderr: '', exitCode: 0 };
}

function charsetOf(
  flags: string[],
): { ok: true; value: ZvtCharset } | { ok: false; error: string } {
  const flag = flags.findLast((candidate) => candidate.startsWith('--charset='));
  if (!flag) return { ok: true, value: DEFAULT_CHARSET };
  const name = flag.slice('--charset='.length).toLowerCase();
  const charset = ZVT_CHARSETS.find((candidate) => candidate === name);
  if (!charset)
    return { ok: false, error: `unknown character set "${name}": use ${ZVT_CHARSETS.join(', ')}` };
  return { ok: true, value: charset };
}

function usageError(message: string): CliResult {
  return { stdout: '', stderr: `zvt: ${message}\n`, exitCode: 2 };
}

function hexWord(word: number): string {
  return word.toString(16).toUpperCase().padStart(4, '0');
}
