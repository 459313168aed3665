import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Workstation } from '../../common/contract/central/auth';
import type { DiagnosticsEntry, DiagnosticsReceipt } from '../../common/contract/diagnostics';
import type { CentralStore } from '../store/openCentralStore';
import type { DiagnosticsTable } from '../store/tables/diagnosticsTables';
import { fromStoreTime, toStoreTime } from '../store/storeValues';

export async function storeDiagnostics(
  store: CentralStore,
  workstation: Workstation,
  archive: Uint8Array,
  receivedAt: Date,
): Promise<DiagnosticsReceipt> {
  const id = randomUUID();
  await store.db
    .insertInto('diagnostics')
    .values({
      id,
      workstation_id: workstation.id,
      site_id: workstation.siteId,
      counter_number: workstation.counterNumber,
      received_at: toStoreTime(receivedAt),
      size_bytes: archive.length,
      archive,
    })
    .execute();
  return { id, receivedAt: receivedAt.toISOString(), sizeBytes: archive.length };
}

/** The archives received, newest first, without their bytes. */
export async function listDiagnostics(
  store: CentralStore,
  limit = 200,
): Promise<DiagnosticsEntry[]> {
  const rows = await store.db
    .selectFrom('diagnostics')
    .select(['id', 'workstation_id', 'site_id', 'counter_number', 'received_at', 'size_bytes'])
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

export async function readDiagnosticsArchive(
  store: CentralStore,
  id: string,
): Promise<{ entry: DiagnosticsEntry; archive: Buffer } | null> {
  const row = await store.db
    .selectFrom('diagnostics')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    entry: toEntry(row),
    archive: Buffer.from(row.archive),
  };
}

function toEntry(row: Omit<Selectable<DiagnosticsTable>, 'archive'>): DiagnosticsEntry {
  return {
    id: row.id,
    workstationId: row.workstation_id,
    siteId: row.site_id,
    counterNumber: row.counter_number,
    receivedAt: fromStoreTime(row.received_at),
    sizeBytes: Number(row.size_bytes),
  };
}
