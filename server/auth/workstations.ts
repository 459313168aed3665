import type { Kysely, Selectable } from 'kysely';
import type { Workstation } from '../../common/contract/central/auth';
import type { CentralDatabase } from '../store/centralDatabase';
import type { CentralStore } from '../store/openCentralStore';
import { toStoreTime } from '../store/storeValues';
import type { WorkstationsTable } from '../store/tables/authTables';
import { newToken, tokenHash } from './tokens';

function rowToWorkstation(row: Selectable<WorkstationsTable>): Workstation {
  return { id: row.id, siteId: row.site_id, counterNumber: row.counter_number };
}

/** Registers a new workstation and returns its token, or null when the id is taken. */
export async function registerWorkstation(
  db: Kysely<CentralDatabase>,
  workstation: Workstation,
  now: Date,
): Promise<{ workstation: Workstation; token: string } | null> {
  const token = newToken();
  const inserted = await db
    .insertInto('workstations')
    .values({
      id: workstation.id,
      site_id: workstation.siteId,
      counter_number: workstation.counterNumber,
      token_hash: tokenHash(token),
      created_at: toStoreTime(now),
      token_issued_at: toStoreTime(now),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? { workstation, token } : null;
}

/**
 * Registers this workstation, or takes it over again after a restart: the same id keeps its
 * place and gets a fresh token (the store keeps only the new token's hash, so the old one
 * stops working). The embedded default calls it on every start, in-process.
 */
export async function ensureWorkstation(
  store: Pick<CentralStore, 'db'>,
  workstation: Workstation,
  now: Date = new Date(),
): Promise<{ workstation: Workstation; token: string }> {
  const token = newToken();
  await store.db
    .insertInto('workstations')
    .values({
      id: workstation.id,
      site_id: workstation.siteId,
      counter_number: workstation.counterNumber,
      token_hash: tokenHash(token),
      created_at: toStoreTime(now),
      token_issued_at: toStoreTime(now),
    })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet((eb) => ({
        site_id: eb.ref('excluded.site_id'),
        counter_number: eb.ref('excluded.counter_number'),
        token_hash: eb.ref('excluded.token_hash'),
        token_issued_at: eb.ref('excluded.token_issued_at'),
      })),
    )
    .execute();
  return { workstation, token };
}

export async function findWorkstationByToken(
  db: Kysely<CentralDatabase>,
  token: string,
): Promise<Workstation | null> {
  const row = await db
    .selectFrom('workstations')
    .selectAll()
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  return row ? rowToWorkstation(row) : null;
}
