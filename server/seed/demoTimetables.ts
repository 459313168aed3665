import type { SiteSchedule, Timetable } from '../../common/domain/timetableSchema';

/**
 * DEMO VALUES, not the city hall's published hours: they show the shape of the change of
 * 1 September (from that date the Monday runs longer and Friday closes earlier, so residents
 * coming before 15:00 are served better while the clerks' working time stays the same). The
 * last ticket is issued 30 minutes before closing. An administrator replaces them with the
 * real timetable on the central server.
 */
const beforeSeptember: Timetable = {
  effectiveFrom: '2025-01-01',
  days: {
    1: { opens: '08:00', closes: '16:00', lastTicket: '15:30' },
    2: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
    3: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
    4: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
    5: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
  },
};

const fromSeptember: Timetable = {
  effectiveFrom: '2025-09-01',
  days: {
    1: { opens: '08:00', closes: '17:00', lastTicket: '16:30' },
    2: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
    3: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
    4: { opens: '07:30', closes: '15:30', lastTicket: '15:00' },
    5: { opens: '07:30', closes: '14:30', lastTicket: '14:00' },
  },
};

/** The same demo timetable at every site, with two one-day exceptions (also demo values). */
export const demoSchedule: SiteSchedule = {
  timetables: [beforeSeptember, fromSeptember],
  exceptions: [
    {
      date: '2026-12-23',
      hours: { opens: '07:30', closes: '13:00', lastTicket: '12:30' },
      reason: 'Skrócone godziny obsługi przed świętami (dane demonstracyjne)',
    },
    {
      date: '2026-12-31',
      hours: null,
      reason: 'Dzień wolny za święto 26 grudnia przypadające w sobotę (dane demonstracyjne)',
    },
  ],
};
