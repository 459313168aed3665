import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportRequest, ExportResult } from '../../common/contract';
import { exportTables, type ExportTable } from '../../common/contract/central/supervisor';
import type { DownloadedFile } from './supervisorClient';

/**
 * Where an export goes. Electron: the host asks the supervisor for a folder (a native dialog)
 * and main writes the files there. The browser host has no dialog in main: `pickFolder` is
 * absent and the files go back to the window, which offers them as downloads.
 */
export type ExportSaver = {
  pickFolder?: (title: string) => Promise<string | null>;
};

export type ExportDayInput = {
  request: ExportRequest;
  download: (what: { table: ExportTable } | { report: true }) => Promise<DownloadedFile>;
  saver: ExportSaver;
};

/** A name a file system takes: the server's, stripped of anything but a plain file name. */
function safeFileName(name: string): string {
  const base = path.basename(name).replace(/[^A-Za-z0-9._-]/g, '_');
  return base === '' || base.startsWith('.') ? `export${base}` : base;
}

/** The day's CSV tables (one file each) or the PDF report, saved or handed to the window. */
export async function exportDay(input: ExportDayInput): Promise<ExportResult> {
  const { request, saver } = input;
  const folder = saver.pickFolder
    ? await saver.pickFolder(
        request.format === 'pdf'
          ? 'Gdzie zapisać raport zmiany (PDF)?'
          : 'Gdzie zapisać tabele dnia (CSV)?',
      )
    : null;
  if (saver.pickFolder && folder === null) return { outcome: 'cancelled' };

  const files =
    request.format === 'pdf'
      ? [await input.download({ report: true })]
      : await Promise.all(exportTables.map((table) => input.download({ table })));

  if (folder === null) {
    return {
      outcome: 'download',
      files: files.map((file) => ({
        fileName: safeFileName(file.fileName),
        mimeType: request.format === 'pdf' ? 'application/pdf' : 'text/csv',
        contentBase64: file.bytes.toString('base64'),
      })),
    };
  }
  await mkdir(folder, { recursive: true });
  const fileNames: string[] = [];
  for (const file of files) {
    const name = safeFileName(file.fileName);
    await writeFile(path.join(folder, name), file.bytes);
    fileNames.push(name);
  }
  return { outcome: 'saved', folder, fileNames };
}
