/**
 * Money is an integer number of grosze (1 zł = 100 gr), currency PLN. Never a float of
 * złoty: 0.1 + 0.2 is not a fee anyone wants to reconcile at the end of the day.
 */
export type MoneyLocale = 'pl' | 'en';

/**
 * Polish digit groups and the space before `zł` are U+00A0 (no-break space), so an amount
 * never wraps across lines on a label, a receipt or a narrow table cell. Done by hand rather
 * than with Intl: pl-PL leaves 4-digit amounts ungrouped (`1234,56 zł`) and ICU data differs
 * between Chromium and Node, while the workstation, receipts and the shift report must agree.
 */
const NBSP = '\u00a0';

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** `1 234,56 zł` (pl, the default) or `PLN 1,234.56` (en); negative `-12,00 zł`, `-PLN 12.00`. */
export function formatMoney(grosze: number, locale: MoneyLocale = 'pl'): string {
  if (!Number.isSafeInteger(grosze)) {
    throw new RangeError(`Money must be a whole number of grosze, got ${grosze}`);
  }
  const sign = grosze < 0 ? '-' : '';
  const absolute = Math.abs(grosze);
  const zloty = String(Math.trunc(absolute / 100));
  const fraction = String(absolute % 100).padStart(2, '0');
  if (locale === 'en') {
    return `${sign}PLN${NBSP}${groupThousands(zloty, ',')}.${fraction}`;
  }
  return `${sign}${groupThousands(zloty, NBSP)},${fraction}${NBSP}zł`;
}

export type ParseMoneyOptions = {
  /** Refunds and corrections may be negative; a fee typed at the counter may not. */
  allowNegative?: boolean;
};

const amountPattern =
  /^(?<sign>[-\u2212])?(?:(?<prefix>PLN)\s*)?(?<innerSign>[-\u2212])?(?<number>\d(?:[\d.,\s]*\d)?)\s*(?<suffix>zł|zl|PLN)?$/iu;

/**
 * The zloty part may be grouped by spaces (`1 234,56`); by `.` or `,` only when the other
 * one is the decimal separator (`1.234,56`, `1,234.56`), because `1,234` alone could mean
 * either and a wrong guess is a fee off by a factor of a thousand.
 */
const numberPatterns = [
  /^(?<zloty>\d+)(?:[.,](?<fraction>\d{1,2}))?$/,
  /^(?<zloty>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](?<fraction>\d{1,2}))?$/,
  /^(?<zloty>\d{1,3}(?:,\d{3})+)\.(?<fraction>\d{1,2})$/,
  /^(?<zloty>\d{1,3}(?:\.\d{3})+),(?<fraction>\d{1,2})$/,
];

/**
 * Reads an amount a clerk typed or the app printed: `12`, `1234,56`, `1234.5`,
 * `1 234,56 zł`, `PLN 1,234.56`. Returns grosze, or null for anything else (letters, a third
 * decimal, a negative amount unless allowed, more than Number can hold exactly).
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): number | null {
  const amount = amountPattern.exec(text.trim())?.groups;
  if (!amount?.number) return null;
  if (amount.sign && amount.innerSign) return null;
  if (amount.prefix && amount.suffix) return null;
  const negative = Boolean(amount.sign ?? amount.innerSign);
  if (negative && !options.allowNegative) return null;

  for (const pattern of numberPatterns) {
    const parts = pattern.exec(amount.number)?.groups;
    if (!parts?.zloty) continue;
    const digits = parts.zloty.replace(/\D/g, '') + (parts.fraction ?? '').padEnd(2, '0');
    const grosze = Number(digits);
    if (!Number.isSafeInteger(grosze)) return null;
    return negative && grosze !== 0 ? -grosze : grosze;
  }
  return null;
}
