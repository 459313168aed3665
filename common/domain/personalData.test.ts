import { describe, it, expect } from 'vitest';
import { initials, maskText } from './personalData';

describe('maskText', () => {
  it('masks a PESEL, keeping the last 4 digits', () => {
    expect(maskText('Wnioskodawca PESEL 44051401359, sprawa KM.5410.123.2025')).toBe(
      'Wnioskodawca PESEL *******1359, sprawa KM.5410.123.2025',
    );
  });

  it('masks any 11-digit run, even one with a wrong check digit', () => {
    expect(maskText('pesel=44051401358;')).toBe('pesel=*******1358;');
  });

  it('leaves longer digit runs (barcodes, timestamps) alone', () => {
    expect(maskText('deposit 5901234123457 at 1756700000000')).toBe(
      'deposit 5901234123457 at 1756700000000',
    );
  });

  it('masks e-mail addresses, Polish letters included', () => {
    expect(maskText('kontakt: jan.kowalski+urzad@example.com.pl.')).toBe('kontakt: ***@***.');
    expect(maskText('łucja.żak@poczta.pl')).toBe('***@***');
  });

  it.each([
    ['600 700 800', '*** *** ***'],
    ['600-700-800', '*** *** ***'],
    ['600700800', '*** *** ***'],
    ['+48 600 700 800', '+48 *** *** ***'],
    ['+48600700800', '+48 *** *** ***'],
    ['0048 600 700 800', '+48 *** *** ***'],
    ['(22) 123 45 67', '*** *** ***'],
    ['+48 22 123 45 67', '+48 *** *** ***'],
  ])('masks the phone number %s', (phone, mask) => {
    expect(maskText(`tel. ${phone}, oddzwonić`)).toBe(`tel. ${mask}, oddzwonić`);
  });

  it('does not take an amount of money for a phone number', () => {
    expect(maskText('opłata 123 456 789,00 zł')).toBe('opłata 123 456 789,00 zł');
  });

  it('masks postal codes and keeps dates and case numbers readable', () => {
    expect(maskText('00-950 Warszawa, wizyta 2025-09-01 10:30, KM.5410.123.2025')).toBe(
      '**-*** Warszawa, wizyta 2025-09-01 10:30, KM.5410.123.2025',
    );
  });

  it('masks a street address with its house and flat number', () => {
    expect(maskText('adres: ul. Długa 12/3, 70-001 Szczecin')).toBe(
      'adres: ul. ***, **-*** Szczecin',
    );
    expect(maskText('al. Jana Pawła II 5a')).toBe('al. ***');
    expect(maskText('ul. 3 Maja 7')).toBe('ul. ***');
    expect(maskText('ul. Długa 12-14, Szczecin')).toBe('ul. ***, Szczecin');
  });

  it('masks everything in a mixed log line', () => {
    const line = 'resident 44051401359 a@b.pl +48 600 700 800 ul. Krzywa 1 00-950';
    const masked = maskText(line);
    expect(masked).toBe('resident *******1359 ***@*** +48 *** *** *** ul. *** **-***');
  });

  it('leaves text without personal data unchanged', () => {
    const text = 'Bilet B017 wywołany do stanowiska 4 o 09:15; opłata 17,00 zł.';
    expect(maskText(text)).toBe(text);
  });
});

describe('initials', () => {
  it('gives the first letters of first name and surname', () => {
    expect(initials('Jan', 'Kowalski')).toBe('J.K.');
  });

  it('upper-cases Polish letters', () => {
    expect(initials('łucja', 'żak')).toBe('Ł.Ż.');
    expect(initials('Ścibor', 'Ćwik')).toBe('Ś.Ć.');
  });

  it('keeps a Polish letter typed as a letter plus combining accent', () => {
    expect(initials('S\u0301cibor', 'Z\u0307ak')).toBe('Ś.Ż.');
  });

  it('uses only the first letter of a double-barrelled surname and of several names', () => {
    expect(initials('Anna Maria', 'Nowak-Kowalska')).toBe('A.N.');
  });

  it('ignores surrounding spaces and leaves out a missing part', () => {
    expect(initials('  jan ', ' kowalski')).toBe('J.K.');
    expect(initials('', 'Kowalski')).toBe('K.');
    expect(initials('', '')).toBe('');
  });
});
