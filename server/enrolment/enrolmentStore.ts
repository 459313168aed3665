import type { Kysely } from 'kysely';
import type { Workstation } from '../../common/contract/central/auth';
import type {
  CreateEnrolmentResponse,
  WorkstationSettings,
} from '../../common/contract/central/enrolment';
import {
  printerConfigSchema,
  terminalConfigSchema,
  type WorkstationConfig,
} from '../../common/contract/workstationConfig';
import { newToken, tokenHash } from '../auth/tokens';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreJson, fromStoreTime, toStoreJson, toStoreTime } from '../store/storeValues';
import { enrolmentCodeHash, newEnrolmentCode } from './enrolmentCode';

type Db = Kysely<CentralDatabase>;
type Devices = { terminal: WorkstationConfig['terminal']; printer: WorkstationConfig['printer'] };

/**
 * Registers a workstation (or takes an existing one again: a re-enrolment) with the settings
 * the server owns, and issues its one-time code. A new PC's token is one nobody knows until the
 * code is used; a re-enrolled PC keeps working with its old token until then. Older unused codes
 * of the same PC stop working: only the newest code is valid.
 */
export async function issueEnrolment(
  db: Db,
  input: { workstation: Workstation; devices: Devices; by: string; now: Date; ttlMs: number },
): Promise<CreateEnrolmentResponse> {
  const { workstation, devices, now } = input;
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + input.ttlMs).toISOString();
  const reEnrolment = await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('workstations')
      .select('id')
      .where('id', '=', workstation.id)
      .executeTakeFirst();
    if (existing) {
      await tx
        .updateTable('workstations')
        .set({ site_id: workstation.siteId, counter_number: workstation.counterNumber })
        .where('id', '=', workstation.id)
        .execute();
    } else {
      await tx
        .insertInto('workstations')
        .values({
          id: workstation.id,
          site_id: workstation.siteId,
          counter_number: workstation.counterNumber,
          token_hash: tokenHash(newToken()),
          created_at: toStoreTime(now),
          token_issued_at: toStoreTime(now),
        })
        .execute();
    }
    await writeSettings(tx, workstation.id, devices, now);
    await tx
      .deleteFrom('enrolment_codes')
      .where('workstation_id', '=', workstation.id)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('enrolment_codes')
      .values({
        code_hash: enrolmentCodeHash(code),
        workstation_id: workstation.id,
        created_at: toStoreTime(now),
        expires_at: expiresAt,
        created_by: input.by,
        used_at: null,
        used_by_label: null,
      })
      .execute();
    return existing !== undefined;
  });
  return { workstation, code, expiresAt, reEnrolment };
}

export type Redeemed =
  | { outcome: 'enrolled'; token: string; settings: WorkstationSettings }
  | { outcome: 'unknown' }
  | { outcome: 'used'; usedAt: string }
  | { outcome: 'expired'; expiredAt: string };

/**
 * Trades a code for the workstation's new token. The code is marked used by a conditional
 * update, so of two PCs racing with one code exactly one wins; the workstation's token is
 * replaced (the old one, if any, stops working).
 */
export async function redeemEnrolmentCode(
  db: Db,
  input: { code: string; machineLabel: string | null; now: Date },
): Promise<Redeemed> {
  const hash = enrolmentCodeHash(input.code);
  const now = toStoreTime(input.now);
  return db.transaction().execute(async (tx): Promise<Redeemed> => {
    const row = await tx
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('code_hash', '=', hash)
      .executeTakeFirst();
    if (!row) return { outcome: 'unknown' };
    if (row.used_at !== null) return { outcome: 'used', usedAt: fromStoreTime(row.used_at) };
    const expiresAt = fromStoreTime(row.expires_at);
    if (expiresAt <= now) return { outcome: 'expired', expiredAt: expiresAt };
    const claimed = await tx
      .updateTable('enrolment_codes')
      .set({ used_at: now, used_by_label: input.machineLabel })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .returning('workstation_id')
      .executeTakeFirst();
    if (!claimed) return { outcome: 'used', usedAt: now };
    const token = newToken();
    await tx
      .updateTable('workstations')
      .set({ token_hash: tokenHash(token), token_issued_at: now })
      .where('id', '=', claimed.workstation_id)
      .execute();
    const settings = await readWorkstationSettings(tx, claimed.workstation_id);
    if (!settings) throw new Error(`workstation ${claimed.workstation_id} vanished mid-enrolment`);
    return { outcome: 'enrolled', token, settings };
  });
}

/** The settings the server owns for a workstation; null devices when none were ever set. */
export async function readWorkstationSettings(
  db: Db,
  workstationId: string,
): Promise<WorkstationSettings | null> {
  const row = await db
    .selectFrom('workstations')
    .leftJoin('workstation_settings', 'workstation_settings.workstation_id', 'workstations.id')
    .select([
      'workstations.id',
      'workstations.site_id',
      'workstations.counter_number',
      'workstations.created_at',
      'workstation_settings.terminal',
      'workstation_settings.printer',
      'workstation_settings.updated_at',
    ])
    .where('workstations.id', '=', workstationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    workstation: { id: row.id, siteId: row.site_id, counterNumber: row.counter_number },
    terminal: row.terminal ? terminalConfigSchema.parse(fromStoreJson(row.terminal)) : null,
    printer: row.printer ? printerConfigSchema.parse(fromStoreJson(row.printer)) : null,
    updatedAt: fromStoreTime(row.updated_at ?? row.created_at),
  };
}

/** Replaces a workstation's terminal and printer settings; false when it does not exist. */
export async function updateWorkstationSettings(
  db: Db,
  workstationId: string,
  devices: Devices,
  now: Date,
): Promise<boolean> {
  const exists = await db
    .selectFrom('workstations')
    .select('id')
    .where('id', '=', workstationId)
    .executeTakeFirst();
  if (!exists) return false;
  await writeSettings(db, workstationId, devices, now);
  return true;
}

/**
 * Takes a PC's identity away (a stolen or scrapped PC): its token is replaced by one nobody
 * knows and its unused codes are deleted. Re-enrolling it later issues a new code.
 */
export async function revokeWorkstation(
  db: Db,
  workstationId: string,
  now: Date,
): Promise<{ workstation: Workstation; revokedCodes: number } | null> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('workstations')
      .set({ token_hash: tokenHash(newToken()), token_issued_at: toStoreTime(now) })
      .where('id', '=', workstationId)
      .returning(['id', 'site_id', 'counter_number'])
      .executeTakeFirst();
    if (!row) return null;
    const deleted = await tx
      .deleteFrom('enrolment_codes')
      .where('workstation_id', '=', workstationId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return {
      workstation: { id: row.id, siteId: row.site_id, counterNumber: row.counter_number },
      revokedCodes: Number(deleted.numDeletedRows),
    };
  });
}

async function writeSettings(db: Db, workstationId: string, devices: Devices, now: Date) {
  const values = {
    terminal: toStoreJson(devices.terminal),
    printer: toStoreJson(devices.printer),
    updated_at: toStoreTime(now),
  };
  await db
    .insertInto('workstation_settings')
    .values({ workstation_id: workstationId, ...values })
    .onConflict((conflict) => conflict.column('workstation_id').doUpdateSet(values))
    .execute();
}
