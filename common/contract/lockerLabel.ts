import { z } from 'zod';
import { formatCaseNumber, parseCaseNumber } from '../domain/caseNumber';
import { isCivilDate } from '../domain/civilDate';

/**
 * The label stuck on a parcel for the urzędomat (issue 9): what it says, and the stock it is
 * printed on. Main renders it to ZPL, to a PNG preview and to an HTML page; the renderer will
 * preview it. It carries no PESEL, no full name and no pickup code, and the schema is built so
 * that they cannot be passed: a strict object (an extra field such as `pesel` is an error) whose
 * every text field has a shape that a PESEL, a name or a phone number cannot take.
 */

/**
 * `DEP-` and 10 characters of Crockford's base32 (digits and capitals without I, L, O, U, so
 * nothing reads as 1 or 0 when typed by hand): 50 random bits, the value of both barcodes.
 * Code 128 and QR alphanumeric mode both carry it as it is.
 */
export const DEPOSIT_ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DEPOSIT_ID_PREFIX = 'DEP-';
export const DEPOSIT_ID_RANDOM_LENGTH = 10;
export const depositIdSchema = z
  .string()
  .regex(/^DEP-[0-9A-HJKMNP-TV-Z]{10}$/, 'must be DEP- and 10 characters of 0-9, A-Z without ILOU');
export type DepositId = z.infer<typeof depositIdSchema>;

export const compartmentSizeSchema = z.enum(['small', 'medium', 'large']);
export type CompartmentSize = z.infer<typeof compartmentSizeSchema>;

/**
 * The characters the label's font is known to print, both on a Zebra (font 0 with ^CI28) and in
 * the preview renderer, which lacks some Latin Extended-A letters (Ű, Ğ, Ā…): printable ASCII
 * without the backslash (a ^FB field block reads `\` as a line-break command), the Latin-1
 * letters, the Polish, Czech and Slovak letters, Polish quotation marks and dashes. A character
 * outside it would print as an empty box, so it is refused rather than printed wrong.
 */
const LABEL_CHARACTER_CLASS =
  '\\x20-\\x5B\\x5D-\\x7E\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF' +
  'ĄąĆćĘęŁłŃńŚśŹźŻżČčĎďĚěŇňŘřŠšŤťŮůŽžŐőŒœŸ„”“‚‘’–—…';
const labelCharacter = new RegExp(`^[${LABEL_CHARACTER_CLASS}]$`, 'u');

/** The characters of `text` that no label can print, each once, in order of appearance. */
export function unprintableLabelCharacters(text: string): string[] {
  return [...new Set(Array.from(text).filter((character) => !labelCharacter.test(character)))];
}

/** True for every character in `LABEL_CHARACTER_CLASS`: the glyph-width table must cover these. */
export function isPrintableLabelCharacter(character: string): boolean {
  return labelCharacter.test(character);
}

const printableText = (text: string) => unprintableLabelCharacters(text).length === 0;
const printableTextError = (issue: { input: unknown }) =>
  `holds characters a label cannot print: ${unprintableLabelCharacters(String(issue.input))
    .map((character) => JSON.stringify(character))
    .join(', ')}`;

/**
 * Nine or more digits in a row, allowing spaces and dashes between them (a PESEL has 11, a
 * phone number 9), or an e-mail address: personal data that has no place in a site's name.
 * A house number (`ul. Focha 12`) is fine.
 */
function looksLikePersonalData(text: string): boolean {
  return /\d(?:[ -]?\d){8,}/.test(text) || /\S@\S+\.\S/.test(text);
}

export const LABEL_SITE_NAME_MAX_LENGTH = 80;
export const LABEL_CASE_NUMBER_MAX_LENGTH = 60;

const civilDateSchema = z.string().refine(isCivilDate, { error: 'must be a YYYY-MM-DD date' });

export const lockerLabelSchema = z
  .strictObject({
    /** `KM.5410.123.2025`, exactly as the register prints it (canonical form only). */
    caseNumber: z
      .string()
      .max(LABEL_CASE_NUMBER_MAX_LENGTH)
      .refine(
        (text) => {
          const parts = parseCaseNumber(text);
          return parts !== null && formatCaseNumber(parts) === text;
        },
        { error: 'must be a case number such as KM.5410.123.2025' },
      )
      .refine((text) => !looksLikePersonalData(text), {
        error: 'must not hold personal data (a PESEL in the unit symbol?)',
      }),
    depositId: depositIdSchema,
    compartmentSize: compartmentSizeSchema,
    /** The site's name, e.g. `Urzędomat ul. Focha`. */
    siteName: z
      .string()
      .trim()
      .normalize('NFC')
      .min(1, 'must not be empty')
      .max(LABEL_SITE_NAME_MAX_LENGTH)
      .refine(printableText, { error: printableTextError })
      .refine((text) => !looksLikePersonalData(text), {
        error: 'must not hold personal data (a PESEL, a phone number or an e-mail address)',
      }),
    depositDate: civilDateSchema,
    lastPickupDay: civilDateSchema,
    /**
     * `J.K.`: one or two capital letters, each with a dot, as `initials()` makes them. Nothing
     * longer fits the pattern, so a full name or a PESEL cannot travel in this field.
     */
    residentInitials: z
      .string()
      .regex(/^(?:\p{Lu}\.){1,2}$/u, 'must be initials such as J.K.')
      .refine(printableText, { error: printableTextError }),
    /** A reprint: the label says DUPLIKAT. */
    duplicate: z.boolean(),
  })
  .refine((label) => label.lastPickupDay >= label.depositDate, {
    error: 'the last pickup day cannot come before the deposit date',
    path: ['lastPickupDay'],
  });
export type LockerLabel = z.infer<typeof lockerLabelSchema>;

/**
 * The label stock and the printhead. Resolutions are the Zebra printheads' (6, 8, 12 and 24
 * dots per mm, sold as 152, 203, 300 and 600 dpi). Sizes from a narrow 70 mm up to a 168 mm
 * industrial head; the layout scales to whatever is set.
 */
export const labelDpiSchema = z.union([
  z.literal(152),
  z.literal(203),
  z.literal(300),
  z.literal(600),
]);
export type LabelDpi = z.infer<typeof labelDpiSchema>;

export const labelGeometrySchema = z.strictObject({
  widthMm: z.number().min(70).max(168),
  heightMm: z.number().min(100).max(300),
  dpi: labelDpiSchema,
});
export type LabelGeometry = z.infer<typeof labelGeometrySchema>;

/**
 * The thermal label sold as "100 × 150 mm" is the 4 × 6 inch stock (101.6 × 152.4 mm): at
 * 203 dpi, 812 × 1218 dots, what a Zebra desktop printer is set up for.
 */
export const defaultLabelGeometry: LabelGeometry = { widthMm: 101.6, heightMm: 152.4, dpi: 203 };
