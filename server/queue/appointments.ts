import type { Appointment } from '../../common/contract/central/queue';
import { toStoreFlag, toStoreTime } from '../store/storeValues';
import type { QueueDeps } from './queueDeps';
import { categoryAtSite, siteOf } from './queueReference';
import { refuse } from './queueRefusal';
import { siteLocalTime } from '../../common/domain/siteClock';

/** Rows per INSERT: 10 columns a row stay far below SQLite's bound parameters. */
const CHUNK = 500;

/**
 * Stores booked appointments handed over by the online booking. A booking code already stored
 * is left as it is (a replayed import changes nothing); every appointment must be at this site,
 * in one of its categories, or the whole import is refused with the path of each bad one.
 */
export async function importAppointments(
  deps: QueueDeps,
  siteId: string,
  appointments: readonly Appointment[],
  { demo = false }: { demo?: boolean } = {},
): Promise<{ added: number }> {
  const reference = await deps.reference.current();
  siteOf(reference, siteId);
  const issues = appointments.flatMap((appointment, index) => {
    if (appointment.siteId !== siteId) {
      return [{ path: `appointments[${index}].siteId`, message: `must be "${siteId}"` }];
    }
    try {
      categoryAtSite(reference, siteId, appointment.categoryId);
      return [];
    } catch {
      return [
        {
          path: `appointments[${index}].categoryId`,
          message: `"${appointment.categoryId}" is not a category of site "${siteId}"`,
        },
      ];
    }
  });
  if (issues.length > 0) {
    refuse('invalid-appointments', 'Some appointments do not fit this site.', issues);
  }
  const now = toStoreTime(deps.clock.now());
  const rows = appointments.map((appointment) => ({
    booking_code: appointment.bookingCode,
    site_id: appointment.siteId,
    category_id: appointment.categoryId,
    day: siteLocalTime(new Date(appointment.dueAt), deps.timeZone).day,
    due_at: toStoreTime(new Date(appointment.dueAt)),
    status: 'booked' as const,
    ticket_id: null,
    checked_in_at: null,
    demo: toStoreFlag(demo),
    created_at: now,
  }));
  let added = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const inserted = await deps.store.db
      .insertInto('queue_appointments')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((conflict) => conflict.column('booking_code').doNothing())
      .returning('booking_code')
      .execute();
    added += inserted.length;
  }
  return { added };
}
