import { z } from 'zod';

/**
 * What a counter PC tells the central server about itself every 30 s and whenever its payment
 * terminal or label printer changes (docs/health.md): its version, its devices, its sync.
 * The server keeps the latest report per workstation; the time it arrived is "last seen". It feeds
 * the IT team's health page and the supervisor's device alerts.
 *
 * No personal data: the logged-in clerk by login only; no resident, no payment's details.
 */

const instant = z.iso.datetime();
const count = z.int().min(0);

export const workstationStatusPaths = {
  /** POST (workstation token, optional clerk session): this PC's status report. */
  report: '/api/v1/workstation/status',
  /** GET (admin, supervisor): every workstation with its latest report. */
  health: '/api/v1/admin/workstations/health',
} as const;

/** The payment terminal as the PC sees it (common/contract/payments.ts `terminalStateSchema`). */
export const reportedTerminalSchema = z.strictObject({
  kind: z.enum(['simulator', 'usb-hid', 'tcp']),
  connection: z.enum(['connected', 'busy', 'disconnected']),
  terminalId: z.string().max(64).nullable(),
  /** Since when it is in this state: a disconnected terminal's "offline since". */
  since: instant,
});
export type ReportedTerminal = z.infer<typeof reportedTerminalSchema>;

/** The label printer as the PC last asked it (`labels:printer`), and since when it is so. */
export const reportedPrinterSchema = z.strictObject({
  kind: z.enum(['simulator', 'tcp', 'ipp', 'device', 'system']),
  state: z.enum(['online', 'offline', 'unknown']),
  since: instant,
});
export type ReportedPrinter = z.infer<typeof reportedPrinterSchema>;

export const workstationStatusReportSchema = z.strictObject({
  /** The app's version (main/app/buildInfo.ts). */
  appVersion: z.string().min(1).max(64),
  /** The Electron shell or the browser host (development, tests). */
  host: z.enum(['electron', 'browser']),
  /** When the app started on this PC. */
  startedAt: instant,
  /** When the PC made this report, by its own clock. */
  reportedAt: instant,
  /** The counter this PC is configured for (its workstation identity has the authoritative one). */
  siteId: z.string().min(1).max(64),
  counterNumber: z.int().min(0).max(999).nullable(),
  /** Null when the PC has no terminal service. */
  terminal: reportedTerminalSchema.nullable(),
  /** Null before the printer was first asked. */
  printer: reportedPrinterSchema.nullable(),
  /** Payments whose outcome is unknown, awaiting a person to settle them by hand. */
  paymentsAwaitingReconciliation: z.strictObject({
    count,
    /** When the oldest of them began; null with none. */
    oldestAt: instant.nullable(),
  }),
  outbox: z.strictObject({
    /** Local changes not yet confirmed by the server. */
    pending: count,
    /** Changes the server refused, waiting for a person. */
    failed: count,
    /** How long the oldest pending change has waited, in seconds; null with none pending. */
    oldestPendingSeconds: count.nullable(),
  }),
  /** The last successful exchange with the central server (push or pull), by the PC's clock. */
  lastSyncAt: instant.nullable(),
  /** The logged-in clerk's login, or null (no other personal data). */
  clerkLogin: z.string().min(1).max(64).nullable(),
});
export type WorkstationStatusReport = z.infer<typeof workstationStatusReportSchema>;

export const workstationStatusAnswerSchema = z.strictObject({
  /** When the server received it: the workstation's "last seen". */
  receivedAt: instant,
});
export type WorkstationStatusAnswer = z.infer<typeof workstationStatusAnswerSchema>;

/** Thresholds the health page and the supervisor's alerts share (docs/health.md). */
export const WORKSTATION_HEALTH_THRESHOLDS = {
  /** A PC reports every 30 s: not heard of for this long, it is off, hung or cut off. */
  notSeenSeconds: 120,
  /** The oldest pending change older than this: the sync is behind. */
  oldestPendingSeconds: 300,
} as const;

/** What the health page flags on a row (each explained in docs/health.md). */
export const workstationProblemSchema = z.enum([
  'never-seen',
  'not-seen',
  'terminal-offline',
  'printer-offline',
  'sync-behind',
  'outbox-failed',
  'payments-to-reconcile',
]);
export type WorkstationProblem = z.infer<typeof workstationProblemSchema>;

export const workstationHealthSchema = z.strictObject({
  workstationId: z.string(),
  siteId: z.string(),
  counterNumber: z.int().nullable(),
  /** The latest report's arrival; null: never reported. */
  lastSeenAt: instant.nullable(),
  /** Seconds since then, by the server's clock; null: never reported. */
  notSeenSeconds: count.nullable(),
  report: workstationStatusReportSchema.nullable(),
  problems: z.array(workstationProblemSchema),
});
export type WorkstationHealth = z.infer<typeof workstationHealthSchema>;

export const workstationsHealthSchema = z.strictObject({
  /** The server's time of the answer. */
  now: instant,
  /** The central server's own version. */
  serverVersion: z.string(),
  thresholds: z.strictObject({ notSeenSeconds: count, oldestPendingSeconds: count }),
  /** By site, then counter number (PCs without a counter last), then id. */
  workstations: z.array(workstationHealthSchema),
});
export type WorkstationsHealth = z.infer<typeof workstationsHealthSchema>;

/** The `workstation.status` live event's data: a report changed a device's state. */
export const workstationStatusEventSchema = z.object({
  workstationId: z.string(),
  siteId: z.string(),
  counterNumber: z.int().nullable(),
});
