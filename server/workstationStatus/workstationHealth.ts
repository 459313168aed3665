import type { Kysely } from 'kysely';
import {
  WORKSTATION_HEALTH_THRESHOLDS,
  type WorkstationsHealth,
} from '../../common/contract/central/workstationStatus';
import type { CentralDatabase } from '../store/centralDatabase';
import { workstationProblems } from './workstationProblems';
import { readStatusReports } from './workstationStatusStore';

/**
 * Every registered workstation (of one site, or of all) with its latest report and what is
 * wrong with it, for the IT team's health page: by site, then counter (PCs without one last).
 */
export async function workstationsHealth(
  db: Kysely<CentralDatabase>,
  options: { now: Date; serverVersion: string; siteId: string | null },
): Promise<WorkstationsHealth> {
  let query = db.selectFrom('workstations').select(['id', 'site_id', 'counter_number']);
  if (options.siteId !== null) query = query.where('site_id', '=', options.siteId);
  const [workstations, reports] = await Promise.all([
    query.execute(),
    readStatusReports(db, options.siteId ?? undefined),
  ]);
  const now = options.now.getTime();
  const rows = workstations.map((workstation) => {
    const latest = reports.get(workstation.id) ?? null;
    return {
      workstationId: workstation.id,
      siteId: workstation.site_id,
      counterNumber: workstation.counter_number,
      lastSeenAt: latest ? new Date(latest.receivedAt).toISOString() : null,
      notSeenSeconds: latest ? Math.max(0, Math.floor((now - latest.receivedAt) / 1000)) : null,
      report: latest?.report ?? null,
      problems: workstationProblems(latest, now),
    };
  });
  rows.sort(
    (a, b) =>
      a.siteId.localeCompare(b.siteId) ||
      (a.counterNumber ?? Infinity) - (b.counterNumber ?? Infinity) ||
      a.workstationId.localeCompare(b.workstationId),
  );
  return {
    now: options.now.toISOString(),
    serverVersion: options.serverVersion,
    thresholds: { ...WORKSTATION_HEALTH_THRESHOLDS },
    workstations: rows,
  };
}
