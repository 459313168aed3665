import { describe, expect, it } from 'vitest';
import { describeIntermediateStatus } from './intermediateStatuses';
import { describeResultCode, describeTerminalStatus } from './resultCodes';

describe('describeResultCode', () => {
  it('says what ZVT codes mean to the clerk, in Polish and English', () => {
    expect(describeResultCode(0x00)).toMatchObject({ category: 'approved', pl: 'Zatwierdzono' });
    expect(describeResultCode(0x64)).toMatchObject({
      category: 'card-problem',
      en: 'card not readable (LRC/parity error)',
    });
    expect(describeResultCode(0x6c)).toMatchObject({ category: 'cancelled' });
    expect(describeResultCode(0x9c)).toMatchObject({ category: 'retry-later' });
    expect(describeResultCode(0xa3)).toMatchObject({ category: 'communication' });
  });

  it("passes on the issuer's or acquirer's code 01-63 as a decline with the decimal code", () => {
    expect(describeResultCode(0x05)).toEqual({
      code: 5,
      category: 'declined',
      en: 'declined by the card issuer or acquirer (host code 5)',
      pl: 'Bank odrzucił płatność (kod 5)',
    });
    expect(describeResultCode(0x33).pl).toBe('Bank odrzucił płatność (kod 51)');
  });

  it('answers every byte, unknown ones with the code for IT support', () => {
    for (let code = 0; code <= 0xff; code++) expect(describeResultCode(code).pl).not.toBe('');
    expect(describeResultCode(0x6d).en).toBe('unknown result code 6D');
  });
});

describe('describeTerminalStatus', () => {
  it('tells ready from not ready', () => {
    expect(describeTerminalStatus(0x00)).toMatchObject({ ready: true, pl: 'Terminal gotowy' });
    expect(describeTerminalStatus(0xdf)).toMatchObject({ ready: false, en: 'out of order' });
  });
});

describe('describeIntermediateStatus', () => {
  it('names the BLIK steps by their tag, whatever the terminal displays', () => {
    expect(describeIntermediateStatus(0xff, 'enter-code', ['xyz']).pl).toBe(
      'Proszę wpisać kod BLIK na terminalu',
    );
    expect(describeIntermediateStatus(0xff, 'confirm-in-app').en).toBe(
      'confirm the payment in the banking app',
    );
  });

  it('adds "remove card" for codes 41-67 and falls back to the display texts for FF', () => {
    expect(describeIntermediateStatus(0x0a).pl).toBe('Proszę przyłożyć lub włożyć kartę');
    expect(describeIntermediateStatus(0x4c).en).toBe('card not readable; please remove card');
    expect(describeIntermediateStatus(0x4b).en).toBe('please remove card');
    expect(describeIntermediateStatus(0xff, undefined, ['EUR 1.23', 'Bitte warten']).en).toBe(
      'EUR 1.23 Bitte warten',
    );
  });
});
