import { describe, expect, it } from 'vitest';
import { sizeForKey } from './compartmentSizes';
import type { LockerDeposit } from '../../../common/contract';
import { depositsOfTheDay, isLockerDesk, matchCaseNumber, siteCivilDate } from './lockerDeskLogic';

const session = (roles: string[]) =>
  ({ user: { roles } }) as unknown as Parameters<typeof isLockerDesk>[0];

describe('isLockerDesk', () => {
  it('shows the locker desk to the locker clerk only', () => {
    expect(isLockerDesk(session(['locker']))).toBe(true);
    expect(isLockerDesk(session(['locker', 'supervisor']))).toBe(true);
  });

  it('keeps a counter clerk who also deposits on the counter screen', () => {
    expect(isLockerDesk(session(['clerk', 'locker']))).toBe(false);
    expect(isLockerDesk(session(['clerk']))).toBe(false);
    expect(isLockerDesk(null)).toBe(false);
  });
});

describe('matchCaseNumber', () => {
  const cases = [
    { caseNumber: 'SO.5340.12.2026' },
    { caseNumber: 'SO.5340.123.2026' },
    { caseNumber: 'KM.5410.7.2026' },
  ];

  it('finds a case by any part of its number, in any letter case', () => {
    expect(matchCaseNumber(cases, '123')).toEqual([{ caseNumber: 'SO.5340.123.2026' }]);
    expect(matchCaseNumber(cases, 'km.5410')).toEqual([{ caseNumber: 'KM.5410.7.2026' }]);
    expect(matchCaseNumber(cases, ' so.5340.12 ')).toHaveLength(2);
  });

  it('lists every case while nothing is typed and none for a number not there', () => {
    expect(matchCaseNumber(cases, '  ')).toHaveLength(3);
    expect(matchCaseNumber(cases, '999')).toEqual([]);
  });
});

describe('compartment size keys', () => {
  it('picks small, medium, large with 1, 2, 3 and nothing with other keys', () => {
    expect(sizeForKey('1')).toBe('small');
    expect(sizeForKey('2')).toBe('medium');
    expect(sizeForKey('3')).toBe('large');
    expect(sizeForKey('4')).toBeNull();
    expect(sizeForKey('a')).toBeNull();
  });
});

describe('siteCivilDate', () => {
  it('reads the day at the site, not in UTC', () => {
    expect(siteCivilDate(new Date('2026-03-03T22:30:00Z'))).toBe('2026-03-03');
    expect(siteCivilDate(new Date('2026-03-03T23:30:00Z'))).toBe('2026-03-04');
    // Summer time: UTC+2.
    expect(siteCivilDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
});

describe('depositsOfTheDay', () => {
  const deposit = (
    id: string,
    state: LockerDeposit['state'],
    depositDate: string,
    changes: string[],
  ) => ({
    id,
    state,
    depositDate,
    stateAt: changes.at(-1) ?? '',
    history: changes.map((at) => ({ state, at, by: 'depozyty' })),
  });

  it('lists what is still on the desk and what changed today, newest change first', () => {
    const list = depositsOfTheDay(
      [
        deposit('old-in-locker', 'deposited', '2026-02-20', ['2026-02-20T10:00:00Z']),
        deposit('old-prepared', 'prepared', '2026-03-02', ['2026-03-02T15:00:00Z']),
        deposit('today', 'deposited', '2026-03-03', ['2026-03-03T09:00:00Z']),
        deposit('returned-today', 'returned', '2026-02-20', [
          '2026-02-20T10:00:00Z',
          '2026-03-03T11:00:00Z',
        ]),
      ],
      '2026-03-03',
    );
    expect(list.map((item) => item.id)).toEqual(['returned-today', 'today', 'old-prepared']);
  });
});
