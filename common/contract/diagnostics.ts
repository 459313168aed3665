import { z } from 'zod';
import { defineChannel } from './defineChannel';

/**
 * "Send diagnostics" (docs/logs.md): the PC packs its logs (already masked, masked again on
 * packing), its versions, its config without secrets and its sync state into one zip with a
 * `manifest.json`, and posts it to the central server, where an admin downloads it.
 */

/** One part of the archive, as the preview lists it and the manifest records it. */
export const diagnosticsPartSchema = z.object({
  /** The path inside the zip (`logs/okienko.2026-11-28.1.log`, `versions.json`…). */
  name: z.string(),
  kind: z.enum(['log', 'versions', 'config', 'sync']),
  /** Bytes before compression. */
  sizeBytes: z.int().nonnegative(),
});
export type DiagnosticsPart = z.infer<typeof diagnosticsPartSchema>;

export const diagnosticsManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  siteId: z.string(),
  counterNumber: z.int(),
  parts: z.array(diagnosticsPartSchema),
});
export type DiagnosticsManifest = z.infer<typeof diagnosticsManifestSchema>;

export const diagnosticsPreviewSchema = z.object({
  parts: z.array(diagnosticsPartSchema),
  totalBytes: z.int().nonnegative(),
  /** Where it goes: the central server's address; null when this PC has none. */
  destination: z.string().nullable(),
});
export type DiagnosticsPreview = z.infer<typeof diagnosticsPreviewSchema>;

/** What the central server answers for a received archive (and lists to an admin). */
export const diagnosticsReceiptSchema = z.object({
  id: z.uuid(),
  receivedAt: z.iso.datetime(),
  sizeBytes: z.int().nonnegative(),
});
export type DiagnosticsReceipt = z.infer<typeof diagnosticsReceiptSchema>;

export const diagnosticsEntrySchema = diagnosticsReceiptSchema.extend({
  workstationId: z.string(),
  siteId: z.string(),
  counterNumber: z.int().nullable(),
});
export type DiagnosticsEntry = z.infer<typeof diagnosticsEntrySchema>;

export const diagnosticsListSchema = z.object({ diagnostics: z.array(diagnosticsEntrySchema) });

/** The central server's routes (docs/sync-api.md): the PC posts, an admin lists and downloads. */
export const diagnosticsPaths = {
  /** POST (workstation token), body `application/zip`. */
  upload: '/api/v1/workstation/diagnostics',
  /** GET (admin): the archives received, newest first. */
  list: '/api/v1/admin/diagnostics',
  /** GET (admin): one archive as a zip download. */
  downloadPattern: '/api/v1/admin/diagnostics/:id',
  download: (id: string) => `/api/v1/admin/diagnostics/${encodeURIComponent(id)}`,
} as const;

/** The largest archive the central server takes. */
export const DIAGNOSTICS_MAX_BYTES = 20 * 1024 * 1024;

const noPayload = z.object({}).strict();

export const diagnosticsChannels = {
  'diagnostics:preview': defineChannel({
    summary:
      'What "send diagnostics" would send: each part of the archive (logs, versions, config without secrets, sync state) with its size, and where it goes.',
    request: noPayload,
    response: diagnosticsPreviewSchema,
  }),
  'diagnostics:send': defineChannel({
    summary:
      'Pack the diagnostics archive and post it to the central server; answers its id and size there.',
    request: noPayload,
    response: diagnosticsReceiptSchema.extend({ parts: z.int().nonnegative() }),
    errorCodes: ['no-central', 'central-unreachable', 'refused', 'too-large'],
  }),
} as const;
