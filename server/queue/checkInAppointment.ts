import {
  bookingCodeSchema,
  type CheckInRefusal,
  type CheckInResponse,
} from '../../common/contract/central/queue';
import { fromStoreTime, toStoreTime } from '../store/storeValues';
import { readCallingRules } from './callingRules';
import { describeIssued, insertTicket } from './issueTicket';
import { issueWindowRefusal } from './issueWindow';
import { queueEvent, type Outcome, type QueueDeps } from './queueDeps';
import { writeJournal } from './queueJournal';
import { siteOf } from './queueReference';
import { inQueueTransaction } from './queueTransaction';
import { siteLocalTime } from '../../common/domain/siteClock';
import { takeTicketNumber } from './ticketNumbers';

const refused = (refusal: CheckInRefusal): Outcome<CheckInResponse> => ({
  value: { outcome: 'refused', refusal },
  events: [],
});

const hhmm = (iso: string, timeZone: string) => siteLocalTime(new Date(iso), timeZone).time;

/**
 * Checks in a booked appointment by its code at the kiosk. On time (any time that day up to
 * the booked time plus the grace period): an appointment ticket queued at its booked time,
 * called once due ahead of walk-ins. Later: an ordinary ticket queued now, as the kiosk would
 * issue (within the service hours; the daily cap does not apply: the slot was booked).
 */
export async function checkInAppointment(
  deps: QueueDeps,
  siteId: string,
  typedCode: string,
): Promise<Outcome<CheckInResponse>> {
  const bookingCode = bookingCodeSchema.parse(typedCode);
  const reference = await deps.reference.current();
  const site = siteOf(reference, siteId);
  const now = deps.clock.now();
  const { day, time } = siteLocalTime(now, deps.timeZone);
  const { rules } = await readCallingRules(deps.store.db, siteId);

  const result = await inQueueTransaction(deps.store, async (tx) => {
    let query = tx
      .selectFrom('queue_appointments')
      .selectAll()
      .where('booking_code', '=', bookingCode);
    if (deps.store.dialect === 'postgres') query = query.forUpdate();
    const booking = await query.executeTakeFirst();
    if (!booking) {
      return refused({
        reason: 'unknown-booking-code',
        message: 'Nie znaleźliśmy rezerwacji o tym kodzie. Sprawdź kod lub pobierz zwykły bilet.',
      });
    }
    if (booking.site_id !== site.id) {
      const other = reference.sites.get(booking.site_id);
      return refused({
        reason: 'other-site',
        siteName: other?.name ?? booking.site_id,
        message: `Ta wizyta jest zarezerwowana w innym budynku: ${other?.name ?? booking.site_id}.`,
      });
    }
    if (booking.day !== day) {
      return refused({
        reason: 'not-today',
        day: booking.day,
        message: `Ta wizyta jest zarezerwowana na dzień ${booking.day}.`,
      });
    }
    if (booking.status === 'cancelled') {
      return refused({ reason: 'cancelled', message: 'Ta rezerwacja została odwołana.' });
    }
    if (booking.status === 'checked-in') {
      const ticket = booking.ticket_id
        ? await tx
            .selectFrom('queue_tickets')
            .select('number')
            .where('id', '=', booking.ticket_id)
            .executeTakeFirst()
        : undefined;
      const number = ticket?.number ?? '';
      return refused({
        reason: 'already-checked-in',
        number,
        message: `Ta wizyta jest już zgłoszona: Twój numer to ${number}.`,
      });
    }
    const category = reference.categories.get(booking.category_id);
    if (!category) throw new Error(`Appointment ${bookingCode} names a category that is gone.`);
    const dueAt = new Date(fromStoreTime(booking.due_at));
    const late = now.getTime() > dueAt.getTime() + rules.appointmentGraceMinutes * 60_000;
    if (late) {
      const closed = issueWindowRefusal(site, day, time);
      if (closed?.reason === 'after-last-ticket' || closed?.reason === 'closed-today') {
        return refused(closed);
      }
    }
    const number = await takeTicketNumber(tx, category, day, false);
    if (number === null) throw new Error(`Category ${category.id} has used all its numbers today.`);
    const ticket = await insertTicket(
      tx,
      {
        site,
        category,
        day,
        number,
        source: late ? 'kiosk' : 'appointment',
        priority: false,
        appointment: late ? null : { bookingCode, dueAt: dueAt.toISOString() },
        queuedAt: late ? now : dueAt,
        checklist: null,
      },
      now,
    );
    await tx
      .updateTable('queue_appointments')
      .set({ status: 'checked-in', ticket_id: ticket.id, checked_in_at: toStoreTime(now) })
      .where('booking_code', '=', bookingCode)
      .execute();
    await writeJournal(tx, {
      siteId: site.id,
      day,
      at: now,
      action: 'appointment-checked-in',
      actor: 'kiosk',
      ticket,
      details: { late, dueAt: dueAt.toISOString() },
    });
    return { ticket, category, dueAt, late };
  });
  if ('value' in result) return result;

  const described = await describeIssued(deps, reference, result.ticket, result.category);
  const events = [queueEvent(site.id, 'appointment-checked-in', result.ticket)];
  const dueAt = result.dueAt.toISOString();
  if (!result.late) {
    return { value: { outcome: 'checked-in', dueAt, ...described }, events };
  }
  return {
    value: {
      outcome: 'late-ordinary-ticket',
      dueAt,
      graceMinutes: rules.appointmentGraceMinutes,
      message: `Wizyta była zarezerwowana na ${hhmm(dueAt, deps.timeZone)}; spóźnienie przekroczyło ${rules.appointmentGraceMinutes} min, więc otrzymujesz zwykły bilet w kolejce.`,
      ...described,
    },
    events,
  };
}
