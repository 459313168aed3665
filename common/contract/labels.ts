import { z } from 'zod';
import { defineChannel, defineEvent } from './defineChannel';
import { depositIdSchema, labelGeometrySchema } from './lockerLabel';

/**
 * Printing the urzędomat's deposit labels from the locker desk (issue 9, docs/labels.md): a
 * preview, printing one label or a batch, the print queue with the reason a label did not print,
 * retry and cancel, and a reprint marked DUPLIKAT and recorded (who, when, how many).
 */

const instant = z.iso.datetime();

/**
 * Why a label did not print, as a code the renderer translates and the fact it names (an
 * address, a path, the printer's own status), never a sentence in one language.
 */
export const printFailureCodeSchema = z.enum([
  /** The printer did not answer (refused, timed out, unreachable): it is off or unplugged. */
  'printer-offline',
  /** The device file is not there (a USB printer switched off or unplugged). */
  'printer-device-missing',
  /** The device file exists but this user may not write to it. */
  'printer-access-denied',
  /** The IPP printer or CUPS answered but refused the job (queue stopped, not accepting jobs). */
  'printer-rejected',
  /** The printer config names a kind this host cannot print to. */
  'printer-kind-unsupported',
  /** The job's printer could not be read (a damaged row). */
  'printer-config-invalid',
  /** Anything else reported while sending. */
  'printer-error',
]);
export type PrintFailureCodeValue = z.infer<typeof printFailureCodeSchema>;

export const printFailureReasonSchema = z.object({
  code: printFailureCodeSchema,
  detail: z.string(),
});

/**
 * A job's state: `queued` waits its turn; `printing` is being sent; `printed` reached the printer;
 * `failed-retrying` failed in a way time mends (printer off) and is tried again at
 * `nextAttemptAt`; `failed` needs a person (retry after fixing it, or cancel); `cancelled` was
 * taken out of the queue by the clerk and never printed.
 */
export const labelJobStatusSchema = z.enum([
  'queued',
  'printing',
  'printed',
  'failed-retrying',
  'failed',
  'cancelled',
]);
export type LabelJobStatus = z.infer<typeof labelJobStatusSchema>;

export const labelPrinterKindSchema = z.enum(['simulator', 'tcp', 'ipp', 'device', 'system']);

/** The printer a job goes to, for the clerk: its kind and where it is (no credentials). */
export const labelPrinterSchema = z.object({
  kind: labelPrinterKindSchema,
  /** `192.168.1.50:9100`, `ipp://cups.urzad.local/printers/zebra`, `/dev/usb/lp0`, `` */
  target: z.string(),
});
export type LabelPrinter = z.infer<typeof labelPrinterSchema>;

export const labelJobSchema = z.object({
  jobId: z.string(),
  depositId: depositIdSchema,
  /** The `labels:print` call the job came from (one batch), null for jobs queued otherwise. */
  batchId: z.string().nullable(),
  /** `reprint`: the label says DUPLIKAT. */
  kind: z.enum(['label', 'reprint']),
  status: labelJobStatusSchema,
  attempts: z.int().min(0),
  lastError: printFailureReasonSchema.nullable(),
  nextAttemptAt: instant.nullable(),
  createdAt: instant,
  printedAt: instant.nullable(),
  /** The login of the clerk who asked for it. */
  requestedBy: z.string().nullable(),
  printer: labelPrinterSchema,
});
export type LabelJob = z.infer<typeof labelJobSchema>;

/**
 * Labels for the window itself to print, when the printer is the system print dialog and the
 * host cannot print on its own (the browser host): one page per label, the label drawn as a PNG
 * at the printer's resolution, sized `widthMm` × `heightMm`. The window puts them in a
 * print-only element and calls `window.print()`. In Electron this is null: main prints.
 */
export const windowPrintSchema = z.object({
  widthMm: z.number(),
  heightMm: z.number(),
  labels: z.array(z.object({ depositId: depositIdSchema, pngDataUrl: z.string() })),
});
export type WindowPrint = z.infer<typeof windowPrintSchema>;

export const labelPreviewSchema = z.object({
  depositId: depositIdSchema,
  /** The label exactly as the printer will print it, one pixel per printer dot. */
  pngDataUrl: z.string(),
  /** The same label as an HTML page (inline styles and SVG), for a print dialog. */
  html: z.string(),
  geometry: labelGeometrySchema,
  /** True when the preview says DUPLIKAT (asked for a reprint). */
  duplicate: z.boolean(),
  /** How many labels of the deposit have printed so far (originals and reprints). */
  printedCount: z.int().min(0),
});
export type LabelPreview = z.infer<typeof labelPreviewSchema>;

export const labelQueueCountsSchema = z.object({
  queued: z.int().min(0),
  printing: z.int().min(0),
  printed: z.int().min(0),
  'failed-retrying': z.int().min(0),
  failed: z.int().min(0),
  cancelled: z.int().min(0),
});

/** How the configured printer stands, for the desk's status line. */
export const labelPrinterStatusSchema = z.object({
  printer: labelPrinterSchema,
  geometry: labelGeometrySchema,
  /**
   * online / offline: the printer answered (IPP Get-Printer-Attributes) or did not;
   * `unknown`: the kind cannot be asked (raw TCP 9100 answers nothing, a device file, the
   * print dialog), so only a job shows it.
   */
  state: z.enum(['online', 'offline', 'unknown']),
  /** The printer's own words (IPP printer-state-message, printer-state-reasons), or null. */
  detail: z.string().nullable(),
  checkedAt: instant,
});
export type LabelPrinterStatus = z.infer<typeof labelPrinterStatusSchema>;

/** One label of a deposit that went out (or was asked for): the record a reprint is judged by. */
export const labelPrintRecordSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['label', 'reprint']),
  status: labelJobStatusSchema,
  requestedBy: z.string().nullable(),
  requestedAt: instant,
  printedAt: instant.nullable(),
});

const depositRef = z.object({ depositId: depositIdSchema }).strict();
const jobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

/** At most this many labels in one `labels:print`. */
export const LABEL_BATCH_MAX = 200;

export const labelsChannels = {
  'labels:preview': defineChannel({
    summary:
      'A deposit’s label as a PNG (drawn from the very ZPL the printer gets) and as HTML; `reprint` previews the DUPLIKAT label.',
    request: z.object({ depositId: depositIdSchema, reprint: z.boolean().default(false) }).strict(),
    response: labelPreviewSchema,
    errorCodes: ['unknown-deposit', 'label-invalid'],
  }),
  'labels:print': defineChannel({
    summary:
      'Print the labels of one or many deposits (a batch, progress on labels:progress); `reprint` prints DUPLIKAT labels and records who and when. A deposit whose label already printed needs `reprint`.',
    request: z
      .object({
        depositIds: z.array(depositIdSchema).min(1).max(LABEL_BATCH_MAX),
        reprint: z.boolean().default(false),
      })
      .strict(),
    response: z.object({
      batchId: z.string(),
      jobs: z.array(labelJobSchema),
      /** Non-null only when the window must print the labels itself (see windowPrintSchema). */
      windowPrint: windowPrintSchema.nullable(),
    }),
    errorCodes: ['no-session', 'unknown-deposit', 'label-invalid', 'already-printed'],
  }),
  'labels:jobs': defineChannel({
    summary:
      'The print queue, newest last: each job’s state and why it did not print; counts per state.',
    request: z.object({ limit: z.int().min(1).max(500).default(100) }).strict(),
    response: z.object({
      jobs: z.array(labelJobSchema),
      counts: labelQueueCountsSchema,
      /** The reason the oldest job still waiting did not print, for the status line. */
      lastError: printFailureReasonSchema.nullable(),
    }),
  }),
  'labels:retry': defineChannel({
    summary: 'Try a failed or waiting job now (after the printer was switched on or fixed).',
    request: jobRef,
    response: labelJobSchema,
    errorCodes: ['unknown-job', 'not-retryable'],
  }),
  'labels:cancel': defineChannel({
    summary: 'Take a job that has not printed out of the queue; it never prints.',
    request: jobRef,
    response: labelJobSchema,
    errorCodes: ['unknown-job', 'too-late'],
  }),
  'labels:history': defineChannel({
    summary:
      'Every label asked for a deposit (originals and DUPLIKAT reprints): who, when, printed or not.',
    request: depositRef,
    response: z.object({
      depositId: depositIdSchema,
      printedCount: z.int().min(0),
      reprintCount: z.int().min(0),
      records: z.array(labelPrintRecordSchema),
    }),
  }),
  'labels:printer': defineChannel({
    summary:
      'The configured label printer and whether it answers now (IPP asks the printer; other kinds say unknown).',
    request: z.object({}).strict(),
    response: labelPrinterStatusSchema,
  }),
} as const;

export const labelsEvents = {
  'labels:progress': defineEvent({
    summary:
      'A batch moved on: how many of its labels printed (`done`), failed for good (`failed`), out of `total`.',
    payload: z.object({
      batchId: z.string(),
      done: z.int().min(0),
      failed: z.int().min(0),
      total: z.int().min(1),
    }),
  }),
  'labels:jobChanged': defineEvent({
    summary: 'A print job changed state (queued, printing, printed, failed with a reason…).',
    payload: labelJobSchema,
  }),
} as const;
