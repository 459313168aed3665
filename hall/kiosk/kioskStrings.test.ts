import { describe, expect, it } from 'vitest';
import { kioskStrings } from './kioskStrings';

const { pl, en } = kioskStrings;

describe('what the kiosk says', () => {
  it('counts people in correct Polish', () => {
    expect(pl.ahead(0)).toBe('Przed Tobą nie ma nikogo');
    expect(pl.ahead(1)).toBe('Przed Tobą: 1 osoba');
    expect(pl.ahead(3)).toBe('Przed Tobą: 3 osoby');
    expect(pl.ahead(5)).toBe('Przed Tobą: 5 osób');
    expect(pl.ahead(12)).toBe('Przed Tobą: 12 osób');
    expect(pl.ahead(22)).toBe('Przed Tobą: 22 osoby');
    expect(en.ahead(1)).toBe('Ahead of you: 1 person');
  });

  it('gives a category’s queue and wait in a few words', () => {
    expect(pl.queueFacts(0, 0)).toBe('Nikt nie czeka');
    expect(pl.queueFacts(4, 25)).toBe('4 osoby w kolejce · ok. 25 min');
    expect(pl.queueFacts(7, 80)).toBe('7 osób w kolejce · ok. 1 godz. 20 min');
    expect(pl.queueFacts(0, 10)).toBe('Nikt nie czeka · ok. 10 min');
    expect(en.queueFacts(2, 60)).toBe('2 people waiting · about 1 h');
  });

  it('words each refusal from its fields, the same in both languages', () => {
    expect(
      pl.refusal({ reason: 'closed-today', name: 'Wszystkich Świętych', message: '' }),
    ).toEqual({
      title: 'Dziś urząd jest nieczynny',
      detail: 'Wszystkich Świętych. Zapraszamy w kolejnym dniu pracy urzędu.',
    });
    expect(
      pl.refusal({ reason: 'after-last-ticket', lastTicket: '15:00', message: '' }).detail,
    ).toContain('o godzinie 15:00');
    expect(
      en.refusal({ reason: 'after-last-ticket', lastTicket: '15:00', message: '' }).detail,
    ).toContain('at 15:00');
    expect(pl.refusal({ reason: 'daily-cap-reached', dailyCap: 40, message: '' }).title).toBe(
      'Bilety do tej sprawy na dziś się skończyły',
    );
    expect(pl.refusal({ reason: 'not-today', day: '2026-03-09', message: '' }).detail).toBe(
      'Twoja wizyta jest zarezerwowana na 9 marca 2026.',
    );
    expect(en.refusal({ reason: 'not-today', day: '2026-03-09', message: '' }).detail).toBe(
      'Your visit is booked for 9 March 2026.',
    );
    expect(
      pl.refusal({ reason: 'already-checked-in', number: 'E004', message: '' }).detail,
    ).toContain('E004');
  });

  it('says the same things in English as in Polish', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    expect(pl.otherLanguage).toEqual({ label: 'English', lang: 'en' });
    expect(en.otherLanguage).toEqual({ label: 'Polski', lang: 'pl' });
  });
});
