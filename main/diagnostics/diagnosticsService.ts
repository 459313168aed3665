import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { WORKSTATION_TOKEN_HEADER } from '../../common/contract/central/auth';
import {
  DIAGNOSTICS_MAX_BYTES,
  diagnosticsPaths,
  diagnosticsReceiptSchema,
  type DiagnosticsPreview,
  type DiagnosticsReceipt,
} from '../../common/contract/diagnostics';
import type { WorkstationConfig } from '../../common/contract/workstationConfig';
import type { Clock } from '../app/clock';
import type { FetchFn } from '../central/centralHealthCheck';
import { ServiceError } from '../ipc/serviceError';
import { logsDirOf } from '../logging/logFiles';
import type { Logger } from '../logging/logger';
import {
  collectDiagnosticsFiles,
  packDiagnostics,
  type DiagnosticsSources,
} from './diagnosticsArchive';
import { configForDiagnostics } from './diagnosticsConfig';
import { syncStateForDiagnostics } from './diagnosticsSyncState';

/** Where an archive that could not be sent is kept, inside the data folder. */
export const UNSENT_DIAGNOSTICS_DIR = 'diagnostics';

const SEND_TIMEOUT_MS = 60_000;

export type DiagnosticsServiceOptions = {
  dataDir: string;
  db: Database.Database;
  config: WorkstationConfig;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn'>;
  fetchFn: FetchFn;
  /** The central server's address; '' when this PC has none. */
  baseUrl: string;
  workstationToken: string | null;
  appName: string;
  appVersion: string;
  host: 'electron' | 'browser';
  schemaVersion: number;
  /** Tests: a small log budget. */
  logBudgetBytes?: number;
};

export type DiagnosticsSendResult = DiagnosticsReceipt & { parts: number };

export type DiagnosticsService = {
  preview(): DiagnosticsPreview;
  send(): Promise<DiagnosticsSendResult>;
};

/**
 * "Send diagnostics" (docs/logs.md): packs the logs, the versions, the config without secrets
 * and the sync state into one zip and posts it to the central server with this PC's token.
 * When it cannot be sent, the zip is kept in `<dataDir>/diagnostics/` and the error says where,
 * so IT can fetch it from the PC or the clerk can try again later.
 */
export function createDiagnosticsService(options: DiagnosticsServiceOptions): DiagnosticsService {
  const sources: DiagnosticsSources = {
    logsDir: logsDirOf(options.dataDir),
    versions: () => ({
      app: options.appName,
      appVersion: options.appVersion,
      databaseSchemaVersion: options.schemaVersion,
      host: options.host,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      platform: process.platform,
      arch: process.arch,
      osRelease: os.release(),
    }),
    config: () => configForDiagnostics(options.config),
    syncState: () => syncStateForDiagnostics(options.db),
    ...(options.logBudgetBytes === undefined ? {} : { logBudgetBytes: options.logBudgetBytes }),
  };

  function keepUnsent(zip: Uint8Array, at: Date): string {
    const dir = path.join(options.dataDir, UNSENT_DIAGNOSTICS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `diagnostyka-${at.toISOString().replace(/[:.]/g, '-')}.zip`);
    fs.writeFileSync(file, zip);
    return file;
  }

  return {
    preview() {
      const files = collectDiagnosticsFiles(sources);
      return {
        parts: files.map(({ name, kind, sizeBytes }) => ({ name, kind, sizeBytes })),
        totalBytes: files.reduce((sum, file) => sum + file.sizeBytes, 0),
        destination: options.baseUrl || null,
      };
    },

    async send() {
      const now = options.clock.now();
      const files = collectDiagnosticsFiles(sources);
      const zip = packDiagnostics(files, {
        createdAt: now.toISOString(),
        appVersion: options.appVersion,
        siteId: options.config.site.id,
        counterNumber: options.config.counter.number,
      });
      if (zip.length > DIAGNOSTICS_MAX_BYTES) {
        const file = keepUnsent(zip, now);
        throw new ServiceError(
          'too-large',
          `Paczka diagnostyczna ma ${mb(zip.length)} MB, serwer przyjmuje do ${mb(DIAGNOSTICS_MAX_BYTES)} MB. Zapisano ją w ${file}; przekaż ją informatykowi.`,
        );
      }
      if (!options.baseUrl) {
        const file = keepUnsent(zip, now);
        throw new ServiceError(
          'no-central',
          `Ten komputer nie ma serwera centralnego. Paczkę zapisano w ${file}.`,
        );
      }
      let response: Response;
      try {
        response = await options.fetchFn(`${options.baseUrl}${diagnosticsPaths.upload}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/zip',
            ...(options.workstationToken
              ? { [WORKSTATION_TOKEN_HEADER]: options.workstationToken }
              : {}),
          },
          body: zip,
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (error) {
        const file = keepUnsent(zip, now);
        options.logger.warn({ err: error, file }, 'diagnostics not sent: central unreachable');
        throw new ServiceError(
          'central-unreachable',
          `Serwer centralny nie odpowiada. Paczkę zapisano w ${file}; wyślij ją ponownie, gdy połączenie wróci.`,
        );
      }
      const body: unknown = await response.json().catch(() => null);
      const receipt = diagnosticsReceiptSchema.safeParse(body);
      if (!response.ok || !receipt.success) {
        const file = keepUnsent(zip, now);
        options.logger.warn({ status: response.status, file }, 'diagnostics refused by central');
        throw new ServiceError(
          'refused',
          `Serwer centralny nie przyjął paczki (HTTP ${response.status}). Zapisano ją w ${file}.`,
        );
      }
      options.logger.info(
        { id: receipt.data.id, sizeBytes: receipt.data.sizeBytes },
        'diagnostics sent',
      );
      return { ...receipt.data, parts: files.length };
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
}
