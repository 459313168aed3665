import fs from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DiagnosticsManifest, DiagnosticsPart } from '../../common/contract/diagnostics';
import { maskText } from '../../common/domain/personalData';
import { maskPersonalFields } from '../../common/domain/personalFields';
import { listLogFiles } from '../logging/logFiles';

export type DiagnosticsFile = DiagnosticsPart & { bytes: Uint8Array };

export type DiagnosticsSources = {
  logsDir: string;
  versions: () => Record<string, unknown>;
  config: () => Record<string, unknown>;
  syncState: () => unknown;
  /** How many bytes of logs at most, newest first (default 48 MB before compression). */
  logBudgetBytes?: number;
};

const DEFAULT_LOG_BUDGET_BYTES = 48 * 1024 * 1024;

/**
 * The parts of the archive, each already in its final form: the log files (newest first, as
 * many as the budget holds, the oldest one cut to its last lines), then versions, config and
 * sync state as JSON. Every log line is masked again on the way in (second line of defence:
 * a file written by an older version, or a rule added since).
 */
export function collectDiagnosticsFiles(sources: DiagnosticsSources): DiagnosticsFile[] {
  const files: DiagnosticsFile[] = [];
  let budget = sources.logBudgetBytes ?? DEFAULT_LOG_BUDGET_BYTES;
  for (const log of listLogFiles(sources.logsDir).reverse()) {
    if (budget <= 0) break;
    const text = remaskLog(readTail(log.file, budget));
    const bytes = strToU8(text);
    budget -= bytes.length;
    files.push({ name: `logs/${log.name}`, kind: 'log', sizeBytes: bytes.length, bytes });
  }
  files.reverse();
  const json = (name: string, kind: DiagnosticsPart['kind'], value: unknown): DiagnosticsFile => {
    const bytes = strToU8(`${JSON.stringify(value, null, 2)}\n`);
    return { name, kind, sizeBytes: bytes.length, bytes };
  };
  files.push(json('versions.json', 'versions', sources.versions()));
  files.push(json('config.json', 'config', sources.config()));
  files.push(json('sync-state.json', 'sync', sources.syncState()));
  return files;
}

/** One zip: `manifest.json` first, then the parts under their names. */
export function packDiagnostics(
  files: readonly DiagnosticsFile[],
  manifest: Omit<DiagnosticsManifest, 'parts' | 'format'>,
): Uint8Array {
  const full: DiagnosticsManifest = {
    format: 1,
    ...manifest,
    parts: files.map(({ name, kind, sizeBytes }) => ({ name, kind, sizeBytes })),
  };
  const entries: Zippable = { 'manifest.json': strToU8(`${JSON.stringify(full, null, 2)}\n`) };
  for (const file of files) entries[file.name] = file.bytes;
  return zipSync(entries, { level: 6 });
}

/** Masks a log's text line by line: personal fields by key, then patterns in the whole line. */
export function remaskLog(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return maskText(line);
      try {
        return maskText(JSON.stringify(maskPersonalFields(JSON.parse(line) as unknown)));
      } catch {
        return maskText(line);
      }
    })
    .join('\n');
}

/** The whole file, or its last `maxBytes` starting at a line's beginning. */
function readTail(file: string, maxBytes: number): string {
  const size = fs.statSync(file).size;
  if (size <= maxBytes) return fs.readFileSync(file, 'utf8');
  const buffer = Buffer.alloc(maxBytes);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, maxBytes, size - maxBytes);
  } finally {
    fs.closeSync(fd);
  }
  const text = buffer.toString('utf8');
  return text.slice(text.indexOf('\n') + 1);
}
