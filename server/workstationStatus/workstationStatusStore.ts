import type { Kysely } from 'kysely';
import type { Workstation } from '../../common/contract/central/auth';
import {
  workstationStatusReportSchema,
  type WorkstationStatusReport,
} from '../../common/contract/central/workstationStatus';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreJson, toStoreJson, toStoreTime } from '../store/storeValues';
import { deviceKey } from './workstationProblems';

const ms = (value: Date | string): number =>
  value instanceof Date ? value.getTime() : Date.parse(value);

export type StoredStatus = {
  workstationId: string;
  siteId: string;
  counterNumber: number | null;
  receivedAt: number;
  report: WorkstationStatusReport;
};

/**
 * Keeps a workstation's report as its latest, under the site and counter of its identity (not
 * the report's own claim). Answers whether a device state changed (or it is the first report).
 */
export async function saveStatusReport(
  db: Kysely<CentralDatabase>,
  workstation: Workstation,
  report: WorkstationStatusReport,
  receivedAt: Date,
): Promise<{ devicesChanged: boolean }> {
  const key = deviceKey(report);
  const previous = await db
    .selectFrom('workstation_status')
    .select('device_key')
    .where('workstation_id', '=', workstation.id)
    .executeTakeFirst();
  const row = {
    site_id: workstation.siteId,
    counter_number: workstation.counterNumber,
    received_at: toStoreTime(receivedAt),
    device_key: key,
    report: toStoreJson(report),
  };
  await db
    .insertInto('workstation_status')
    .values({ workstation_id: workstation.id, ...row })
    .onConflict((conflict) => conflict.column('workstation_id').doUpdateSet(row))
    .execute();
  return { devicesChanged: previous?.device_key !== key };
}

/** A stored row as the contract says, or null for a row an older version wrote differently. */
function toStoredStatus(row: {
  workstation_id: string;
  site_id: string;
  counter_number: number | null;
  received_at: Date | string;
  report: unknown;
}): StoredStatus | null {
  const report = workstationStatusReportSchema.safeParse(fromStoreJson(row.report));
  if (!report.success) return null;
  return {
    workstationId: row.workstation_id,
    siteId: row.site_id,
    counterNumber: row.counter_number,
    receivedAt: ms(row.received_at),
    report: report.data,
  };
}

/** Every workstation's latest report, by workstation id. */
export async function readStatusReports(
  db: Kysely<CentralDatabase>,
  siteId?: string,
): Promise<Map<string, StoredStatus>> {
  let query = db
    .selectFrom('workstation_status')
    .select(['workstation_id', 'site_id', 'counter_number', 'received_at', 'report']);
  if (siteId !== undefined) query = query.where('site_id', '=', siteId);
  const rows = await query.execute();
  const byId = new Map<string, StoredStatus>();
  for (const row of rows) {
    const status = toStoredStatus(row);
    if (status) byId.set(status.workstationId, status);
  }
  return byId;
}

/** The latest report of each counter of a site (two PCs at one counter: the later one). */
export async function statusByCounter(
  db: Kysely<CentralDatabase>,
  siteId: string,
): Promise<Map<number, StoredStatus>> {
  const byCounter = new Map<number, StoredStatus>();
  for (const status of (await readStatusReports(db, siteId)).values()) {
    if (status.counterNumber === null) continue;
    const known = byCounter.get(status.counterNumber);
    if (!known || status.receivedAt > known.receivedAt) byCounter.set(status.counterNumber, status);
  }
  return byCounter;
}
