import { z } from 'zod';
import { defaultLabelGeometry, labelGeometrySchema, type LabelGeometry } from './lockerLabel';

/**
 * The workstation config: one file in the app's data folder (`config.json`). It says which
 * central server this PC talks to, which site and counter it is, and which terminal and
 * printer are attached. Strict objects: a misspelt field is an error naming it, not a
 * setting silently ignored.
 */
export const centralConfigSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('embedded'),
    })
    .strict()
    .describe('Start a central server inside the app, on 127.0.0.1, with demo data'),
  z
    .object({
      mode: z.literal('remote'),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
        .describe('Base address of the central sync API, e.g. https://okienko.um.example.pl'),
    })
    .strict(),
]);

export const terminalConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simulator') }).strict(),
  z
    .object({
      kind: z.literal('usb-hid'),
      vendorId: z.int().min(0).max(0xffff),
      productId: z.int().min(0).max(0xffff),
    })
    .strict(),
]);

/**
 * The label stock in the printer (issue 9): 4 × 6 in ("100 × 150 mm") at 203 dpi when left out,
 * so a config written before labels existed still parses and means the usual Zebra.
 */
export const labelStockConfigSchema = z
  .object({
    widthMm: labelGeometrySchema.shape.widthMm.default(defaultLabelGeometry.widthMm),
    heightMm: labelGeometrySchema.shape.heightMm.default(defaultLabelGeometry.heightMm),
    dpi: labelGeometrySchema.shape.dpi.default(defaultLabelGeometry.dpi),
  })
  .strict()
  .describe('The label stock: width and height in millimetres, the printhead’s dpi');

/**
 * What an IPP print job says its document is: a CUPS raw queue and most label printers take
 * `application/octet-stream` as "pass it through"; a printer that lists ZPL among its
 * document-format-supported may want `application/vnd.zebra-zpl`.
 */
export const ippDocumentFormatSchema = z.enum([
  'application/octet-stream',
  'application/vnd.zebra-zpl',
  'application/vnd.cups-raw',
]);

const label = labelStockConfigSchema.optional();

export const printerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simulator'), label }).strict(),
  z
    .object({
      kind: z.literal('tcp'),
      host: z.string().min(1),
      port: z.int().min(1).max(65535).default(9100),
      label,
    })
    .strict(),
  z
    .object({
      kind: z.literal('ipp'),
      url: z.url({ protocol: /^(ipp|ipps|http|https)$/ }),
      documentFormat: ippDocumentFormatSchema.optional(),
      label,
    })
    .strict(),
  z.object({ kind: z.literal('device'), path: z.string().min(1), label }).strict(),
  z
    .object({ kind: z.literal('system'), label })
    .strict()
    .describe('An ordinary printer through the system print dialog (the label as a page)'),
]);

/** The label stock of a printer config: its `label` section, or the 4 × 6 in default. */
export function printerLabelGeometry(printer: {
  label?: LabelGeometry | undefined;
}): LabelGeometry {
  return printer.label ?? defaultLabelGeometry;
}

/**
 * The case form's local cache: the personal data of a case registered more than
 * `retentionDays` ago is deleted from this PC (its number and type stay), and so is a draft
 * nobody has touched for as long. A config file without the section gets the default.
 */
export const casesConfigSchema = z
  .object({ retentionDays: z.int().min(1).max(3650).default(30) })
  .strict()
  .describe('How long this PC keeps the personal data of cases and drafts, in days');

/**
 * The PC's log (docs/logs.md): a new file when the current one reaches `maxFileSizeMb` or a new
 * day starts; files older than `maxAgeDays` are deleted, and never more than `maxFiles` kept.
 * A config file without the section gets the defaults.
 */
export const logsConfigSchema = z
  .object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    maxFileSizeMb: z.int().min(1).max(1024).default(10),
    maxAgeDays: z.int().min(1).max(365).default(14),
    maxFiles: z.int().min(2).max(1000).default(30),
  })
  .strict()
  .describe('The log files: level, size of one file in MB, days kept, files kept at most');

export const localeSchema = z.enum(['pl', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const workstationConfigSchema = z
  .object({
    schemaVersion: z.literal(1),
    central: centralConfigSchema,
    site: z
      .object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits, -') })
      .strict(),
    counter: z.object({ number: z.int().min(1).max(999) }).strict(),
    terminal: terminalConfigSchema,
    printer: printerConfigSchema,
    locale: localeSchema,
    cases: casesConfigSchema.prefault({}),
    logs: logsConfigSchema.prefault({}),
  })
  .strict();

export type WorkstationConfig = z.infer<typeof workstationConfigSchema>;

/** What a new PC starts with: the embedded central server, simulated devices, counter 1. */
export const defaultWorkstationConfig: WorkstationConfig = {
  schemaVersion: 1,
  central: { mode: 'embedded' },
  site: { id: 'slaska' },
  counter: { number: 1 },
  terminal: { kind: 'simulator' },
  printer: { kind: 'simulator' },
  locale: 'pl',
  cases: { retentionDays: 30 },
  logs: { level: 'info', maxFileSizeMb: 10, maxAgeDays: 14, maxFiles: 30 },
};
