/**
 * Reading the fields of one message: the BMPs it has fields for, looked up by tag, and the rest
 * kept (other BMPs, other TLV objects) or, for secrets, dropped with only their tag listed. The
 * small Result helpers the command decoders share live here too.
 */
import { unpackBcdDigits, decodeAmount, unpackBcdNumber } from './bcd';
import { BMP, decodeBmpSequence, hexByte } from './bmp';
import type { DecodedBmp } from './bmp';
import { toHex } from './bytes';
import { fail } from './errors';
import type { Decoded, ZvtDecodeError, ZvtDecodeErrorCode } from './errors';
import { OKIENKO_TLV, PAYMENT_METHOD_CODES, ZVT_TLV } from './messageTypes';
import type { OtherBmp, PaymentMethod, ZvtMessage } from './messageTypes';
import { decodeZvtText, trimPadding } from './text';
import type { ZvtCharset } from './text';
import { tlvValue } from './tlv';
import type { TlvNode } from './tlv';

export function takeMethod(fields: Fields): Decoded<PaymentMethod | undefined> {
  const result = takeCode(
    fields,
    OKIENKO_TLV.paymentMethod,
    PAYMENT_METHOD_CODES,
    'payment method',
  );
  return result as Decoded<PaymentMethod | undefined>;
}

export function takeCode(
  fields: Fields,
  tag: string,
  codes: Record<string, number>,
  what: string,
): Decoded<string | undefined> {
  const node = fields.takeTlv(tag);
  if (!node) return ok(undefined);
  const value = tlvValue(node);
  const name =
    value?.length === 1 ? Object.keys(codes).find((key) => codes[key] === value[0]) : undefined;
  if (!name)
    return err('bad-field', `${what} (${tag}) ${node.hex ?? ''} is not one of the defined codes`);
  return ok(name);
}

/** The text lines (07) of a constructed 24 / 25 object, if present. */
export function takeTexts(fields: Fields, tag: string): string[] | undefined {
  const node = fields.takeTlv(tag);
  if (!node) return undefined;
  return (node.children ?? [])
    .filter((child) => child.tag === ZVT_TLV.textLine)
    .map((child) => decodeZvtText(tlvValue(child) ?? new Uint8Array(), fields.charset));
}

export class TlvPicker {
  private readonly remaining: TlvNode[];
  constructor(nodes: readonly TlvNode[]) {
    this.remaining = [...nodes];
  }
  take(tag: string): TlvNode | undefined {
    const index = this.remaining.findIndex((node) => node.tag === tag);
    return index < 0 ? undefined : this.remaining.splice(index, 1)[0];
  }
  rest(): TlvNode[] | undefined {
    return this.remaining.length > 0 ? this.remaining : undefined;
  }
}

/** The BMPs of one message, with the ones it has fields for looked up by tag. */
export class Fields {
  private readonly byTag = new Map<number, DecodedBmp>();
  private readonly others: OtherBmp[] = [];
  private readonly redacted: string[] = [];
  private readonly tlvPicker: TlvPicker;
  readonly tlv: TlvNode[];
  readonly charset: ZvtCharset;

  constructor(bmps: readonly DecodedBmp[], known: readonly number[], charset: ZvtCharset) {
    this.charset = charset;
    let tlv: TlvNode[] = [];
    for (const bmp of bmps) {
      if (bmp.tag === BMP.tlv) {
        tlv = [...tlv, ...(bmp.tlv ?? [])];
      } else if (known.includes(bmp.tag) && !this.byTag.has(bmp.tag)) {
        this.byTag.set(bmp.tag, bmp);
      } else if (bmp.definition.content === 'secret' || bmp.definition.content === 'card-number') {
        this.redacted.push(hexByte(bmp.tag));
      } else {
        this.others.push({
          bmp: hexByte(bmp.tag),
          name: bmp.definition.name,
          hex: toHex(bmp.value),
        });
      }
    }
    this.tlv = tlv;
    this.tlvPicker = new TlvPicker(tlv);
  }

  get(tag: number): DecodedBmp | undefined {
    return this.byTag.get(tag);
  }

  byte(tag: number): number | undefined {
    return this.byTag.get(tag)?.value[0];
  }

  number(tag: number): Decoded<number | undefined> {
    const bmp = this.byTag.get(tag);
    if (!bmp) return ok(undefined);
    const value = unpackBcdNumber(bmp.value);
    return value.ok ? value : at(value, bmp.offset);
  }

  /** ISO 4217 numeric codes have 3 digits; the BCD field could say 9999. */
  currency(tag: number): Decoded<number | undefined> {
    const value = this.number(tag);
    if (!value.ok || value.value === undefined || value.value <= 999) return value;
    return fail(
      'bad-field',
      `currency code ${value.value} is not an ISO 4217 number`,
      this.byTag.get(tag)?.offset,
    );
  }

  amount(tag: number): Decoded<number | undefined> {
    const bmp = this.byTag.get(tag);
    if (!bmp) return ok(undefined);
    const value = decodeAmount(bmp.value);
    return value.ok ? value : at(value, bmp.offset);
  }

  digits(tag: number): Decoded<string | undefined> {
    const bmp = this.byTag.get(tag);
    if (!bmp) return ok(undefined);
    const value = unpackBcdDigits(bmp.value);
    return value.ok ? value : at(value, bmp.offset);
  }

  text(tag: number): string | undefined {
    const bmp = this.byTag.get(tag);
    return bmp ? trimPadding(decodeZvtText(bmp.value, this.charset)) : undefined;
  }

  takeTlv(tag: string): TlvNode | undefined {
    return this.tlvPicker.take(tag);
  }

  /** What no field took: other BMPs, other TLV objects, and the tags of dropped secrets. */
  rest(): { otherBmps?: OtherBmp[]; otherTlv?: TlvNode[]; redactedBmps?: string[] } {
    return {
      ...optional('otherBmps', this.others.length > 0 ? this.others : undefined),
      ...optional('otherTlv', this.tlvPicker.rest()),
      ...optional('redactedBmps', this.redacted.length > 0 ? this.redacted : undefined),
    };
  }
}

export function withFields<T>(
  data: Uint8Array,
  start: number,
  charset: ZvtCharset,
  known: readonly number[],
  use: (fields: Fields) => Decoded<T>,
): Decoded<T> {
  const bmps = decodeBmpSequence(data, start);
  if (!bmps.ok) return bmps;
  return use(new Fields(bmps.value, known, charset));
}

/** Messages with only a password and BMPs that have no field of their own. */
export function fieldsOnly(
  data: Uint8Array,
  start: number,
  charset: ZvtCharset,
  build: (rest: { otherBmps?: OtherBmp[] }) => ZvtMessage,
): Decoded<ZvtMessage> {
  return withFields(data, start, charset, [], (fields) => {
    const rest = fields.rest();
    if (rest.otherTlv || fields.tlv.length > 0)
      return err('bad-field', 'this command carries no TLV container');
    if (rest.redactedBmps)
      return err('bad-field', `unexpected BMP ${rest.redactedBmps.join(', ')}`);
    return ok(build(optional('otherBmps', rest.otherBmps)));
  });
}

export function withPassword<T>(
  data: Uint8Array,
  use: (password: string) => Decoded<T>,
): Decoded<T> {
  if (data.length < 3) return err('missing-field', 'the password (3 BCD bytes) is missing', 0);
  const password = unpackBcdDigits(data.subarray(0, 3));
  if (!password.ok) return password;
  return use(password.value);
}

/** `{ key: value }` when value is defined, `{}` otherwise: no `key: undefined` in messages. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function ok<T>(value: T): Decoded<T> {
  return { ok: true, value };
}

export function err(
  code: ZvtDecodeErrorCode,
  message: string,
  offset?: number,
): { ok: false; error: ZvtDecodeError } {
  return { ok: false, error: offset === undefined ? { code, message } : { code, message, offset } };
}

/** An error found inside a field, placed at the field (its BMP tag) in the data. */
export function at<T>(result: { ok: false; error: ZvtDecodeError }, offset: number): Decoded<T> {
  return { ok: false, error: { ...result.error, offset } };
}
