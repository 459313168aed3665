import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert, SupervisorOverview } from '../../../common/contract/central/supervisor';
import { pl } from '../../app/locales/pl';
import { alertsNewestFirst, alertText } from './alertText';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { pl: { translation: pl } }, lng: 'pl' });
  t = i18n.t;
});

const alert = (fields: Partial<Alert>): Alert => ({
  id: 'a',
  kind: 'wait-over-target',
  severity: 'warning',
  since: '2026-03-03T09:00:00.000Z',
  counterId: null,
  counterNumber: null,
  categoryId: null,
  ticketNumber: null,
  workstationId: null,
  terminalId: null,
  detail: 'for logs',
  ...fields,
});

// Only the fields the wording reads.
const overview = {
  targetWaitMinutes: 20,
  queues: [{ categoryId: 'slaska.dowody', name: 'Dowody osobiste' }],
  forecast: { cutoff: '15:00' },
} as unknown as SupervisorOverview;

describe('alerts in the supervisor’s words', () => {
  it('names the ticket, its category and the target wait', () => {
    const text = alertText(
      t,
      alert({ ticketNumber: 'A017', categoryId: 'slaska.dowody' }),
      overview,
    );
    expect(text).toBe('Bilet A017 (Dowody osobiste) czeka dłużej niż 20 min.');
  });

  it('speaks of the residents who came before the cutoff', () => {
    expect(alertText(t, alert({ kind: 'forecast-at-risk' }), overview)).toBe(
      'Interesanci z biletem sprzed 15:00 mogą nie zostać obsłużeni przed zamknięciem.',
    );
  });

  it('puts the alert that began last at the top', () => {
    const older = alert({ id: 'older', since: '2026-03-03T09:00:00.000Z', severity: 'critical' });
    const newer = alert({ id: 'newer', since: '2026-03-03T09:30:00.000Z' });
    expect(alertsNewestFirst([older, newer]).map((each) => each.id)).toEqual(['newer', 'older']);
  });
});
