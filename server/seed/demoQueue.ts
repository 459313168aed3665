import type { Appointment, CallingRules } from '../../common/contract/central/queue';
import { DEFAULT_CALLING_RULES, callingRulesSchema } from '../../common/contract/central/queue';
import type { Clock } from '../clock';
import { siteInstant, siteLocalTime } from '../../common/domain/siteClock';
import type { CentralStore } from '../store/openCentralStore';
import { toStoreFlag, toStoreJson, toStoreTime } from '../store/storeValues';

/**
 * DEMO DATA: the calling rules of the demo sites. ul. Śląska lets clerks call out of order and
 * calls vehicle registration first once someone has waited 45 minutes there; ul. Waszyngtona
 * keeps the engine's order and asks for the services done as well as the outcome.
 */
export const demoCallingRules: Record<string, CallingRules> = {
  slaska: callingRulesSchema.parse({
    ...DEFAULT_CALLING_RULES,
    allowCallOutOfOrder: true,
    longWait: [
      { categoryId: 'slaska.pojazdy', minutes: 45 },
      { categoryId: 'slaska.dowody', minutes: 60 },
    ],
  }),
  waszyngtona: callingRulesSchema.parse({
    ...DEFAULT_CALLING_RULES,
    requiredFinishFields: ['services', 'outcome'],
  }),
  focha: callingRulesSchema.parse({
    ...DEFAULT_CALLING_RULES,
    priorityRatio: { ordinary: 3, priority: 1 },
  }),
};

/**
 * DEMO DATA: booking codes for today (docs/queue-engine.md lists them), so the kiosk's check-in
 * can be tried: each demo start books them again for the day it starts on, unless they were
 * already used that day.
 */
export const demoAppointmentSlots: readonly {
  bookingCode: string;
  siteId: string;
  categoryId: string;
  time: string;
}[] = [
  { bookingCode: 'DEMO-0900', siteId: 'slaska', categoryId: 'slaska.dowody', time: '09:00' },
  { bookingCode: 'DEMO-1000', siteId: 'slaska', categoryId: 'slaska.meldunki', time: '10:00' },
  { bookingCode: 'DEMO-1130', siteId: 'slaska', categoryId: 'slaska.pojazdy', time: '11:30' },
  { bookingCode: 'DEMO-1300', siteId: 'slaska', categoryId: 'slaska.prawa-jazdy', time: '13:00' },
  { bookingCode: 'DEMO-1400', siteId: 'slaska', categoryId: 'slaska.dowody', time: '14:00' },
  {
    bookingCode: 'DEMO-USC-1030',
    siteId: 'waszyngtona',
    categoryId: 'waszyngtona.usc',
    time: '10:30',
  },
];

export function demoAppointmentsOn(day: string): Appointment[] {
  return demoAppointmentSlots.map((slot) => ({
    bookingCode: slot.bookingCode,
    siteId: slot.siteId,
    categoryId: slot.categoryId,
    dueAt: siteInstant(day, slot.time).toISOString(),
  }));
}

/**
 * Seeds the demo queue: the demo sites' calling rules when they have none, and the demo
 * appointments for today (booked again when they belong to an earlier day). Returns how many
 * appointments were booked for today.
 */
export async function seedDemoQueue(store: CentralStore, clock: Clock): Promise<number> {
  const now = clock.now();
  const { day } = siteLocalTime(now);
  const rules = Object.entries(demoCallingRules).map(([siteId, siteRules]) => ({
    site_id: siteId,
    rules: toStoreJson(siteRules),
    updated_at: toStoreTime(now),
    updated_by: 'demo',
  }));
  await store.db
    .insertInto('queue_rules')
    .values(rules)
    .onConflict((conflict) => conflict.column('site_id').doNothing())
    .execute();

  const rows = demoAppointmentsOn(day).map((appointment) => ({
    booking_code: appointment.bookingCode,
    site_id: appointment.siteId,
    category_id: appointment.categoryId,
    day,
    due_at: toStoreTime(new Date(appointment.dueAt)),
    status: 'booked' as const,
    ticket_id: null,
    checked_in_at: null,
    demo: toStoreFlag(true),
    created_at: toStoreTime(now),
  }));
  const booked = await store.db
    .insertInto('queue_appointments')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column('booking_code')
        .doUpdateSet((eb) => ({
          day: eb.ref('excluded.day'),
          due_at: eb.ref('excluded.due_at'),
          status: eb.ref('excluded.status'),
          ticket_id: null,
          checked_in_at: null,
          created_at: eb.ref('excluded.created_at'),
        }))
        // Only demo bookings of an earlier day: a real booking under the code is never touched.
        .where('queue_appointments.day', '<', day)
        .where('queue_appointments.demo', '=', toStoreFlag(true)),
    )
    .returning('booking_code')
    .execute();
  return booked.length;
}
