/**
 * End-of-day totals. ZVT's BMP 60 (individual totals): receipt number from and to (2 BCD each),
 * then per card-type group, in ZVT's order, a count (1 byte binary) and an amount (6 BCD);
 * layout as bezahl-online/zvt reads it (command/end_of_day.go). ZVT groups by card scheme and
 * knows no BLIK, so Okienko's DF44 adds totals per payment method: method (1), count (2,
 * big-endian), amount (6 BCD grosze), 9 bytes each.
 */
import { decodeAmount, encodeAmount, packBcdNumber, unpackBcdNumber } from './bcd';
import { hexByte } from './bmp';
import { concatBytes } from './bytes';
import type { Decoded } from './errors';
import { PAYMENT_METHOD_CODES, TOTALS_CARD_TYPES } from './messageTypes';
import type { IndividualTotals, MethodTotal, PaymentMethod } from './messageTypes';
import { at, err, ok } from './messageFields';

type Part = Uint8Array | readonly number[];

export function encodeIndividualTotals(totals: IndividualTotals): Uint8Array {
  const parts: Part[] = [
    packBcdNumber(totals.receiptNumberFrom, 2),
    packBcdNumber(totals.receiptNumberTo, 2),
  ];
  totals.cardTypes.forEach((entry, index) => {
    if (entry.cardType !== TOTALS_CARD_TYPES[index]) {
      throw new RangeError(
        `Individual totals go in ZVT's order (${TOTALS_CARD_TYPES.join(', ')}); entry ${index + 1} is ${entry.cardType}`,
      );
    }
    if (!Number.isInteger(entry.count) || entry.count < 0 || entry.count > 0xff) {
      throw new RangeError(`A card type's count is one byte (0-255), got ${entry.count}`);
    }
    parts.push([entry.count], encodeAmount(entry.amountGrosze));
  });
  return concatBytes(parts);
}

export function encodeMethodTotals(totals: readonly MethodTotal[]): Uint8Array {
  const parts: Part[] = [];
  for (const total of totals) {
    if (!Number.isInteger(total.count) || total.count < 0 || total.count > 0xffff) {
      throw new RangeError(`A method's count is 0-65535, got ${total.count}`);
    }
    parts.push(
      [PAYMENT_METHOD_CODES[total.paymentType], total.count >>> 8, total.count & 0xff],
      encodeAmount(total.amountGrosze),
    );
  }
  return concatBytes(parts);
}

export function decodeIndividualTotals(value: Uint8Array): Decoded<IndividualTotals> {
  if (
    value.length < 4 ||
    (value.length - 4) % 7 !== 0 ||
    value.length > 4 + 7 * TOTALS_CARD_TYPES.length
  ) {
    return err('bad-field', `individual totals are 4 + 7 bytes per card type, got ${value.length}`);
  }
  const from = unpackBcdNumber(value.subarray(0, 2));
  if (!from.ok) return from;
  const to = unpackBcdNumber(value.subarray(2, 4));
  if (!to.ok) return to;
  const cardTypes: IndividualTotals['cardTypes'] = [];
  for (let offset = 4, index = 0; offset < value.length; offset += 7, index++) {
    const amount = decodeAmount(value.subarray(offset + 1, offset + 7));
    if (!amount.ok) return at(amount, offset + 1);
    cardTypes.push({
      cardType: TOTALS_CARD_TYPES[index]!,
      count: value[offset]!,
      amountGrosze: amount.value,
    });
  }
  return ok({ receiptNumberFrom: from.value, receiptNumberTo: to.value, cardTypes });
}

export function decodeMethodTotals(value: Uint8Array): Decoded<MethodTotal[]> {
  if (value.length % 9 !== 0)
    return err('bad-field', `method totals (DF44) are 9 bytes each, got ${value.length}`);
  const totals: MethodTotal[] = [];
  for (let offset = 0; offset < value.length; offset += 9) {
    const method = methodOf(value[offset]!);
    if (!method)
      return err(
        'bad-field',
        `method totals: payment method ${hexByte(value[offset]!)} is unknown`,
      );
    const amount = decodeAmount(value.subarray(offset + 3, offset + 9));
    if (!amount.ok) return amount;
    totals.push({
      paymentType: method,
      count: (value[offset + 1]! << 8) | value[offset + 2]!,
      amountGrosze: amount.value,
    });
  }
  return ok(totals);
}

export function methodOf(code: number): PaymentMethod | undefined {
  return (Object.keys(PAYMENT_METHOD_CODES) as PaymentMethod[]).find(
    (m) => PAYMENT_METHOD_CODES[m] === code,
  );
}
