import { describe, expect, it } from 'vitest';
import { runZvtCli } from './cli';
import { ECRTERM_ENCODED_FRAMES, PORTALUM_STATUS } from './fixtures/publishedFrames';

function json(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('zvt decode', () => {
  it('prints a framed message with its command, fields and CRC check', () => {
    const result = runZvtCli(['decode', ...ECRTERM_ENCODED_FRAMES.authorisation.split(' ')]);
    expect(result.exitCode).toBe(0);
    expect(json(result.stdout)).toEqual({
      transport: 'serial',
      type: 'frame',
      crcOk: true,
      crc: 'FFF2',
      command: '06 01',
      name: 'Authorisation',
      kind: 'authorisation',
      fields: { amountGrosze: 11000, currency: 978, paymentType: 'card' },
    });
  });

  it('prints a bare APDU with the meaning of its result code', () => {
    const result = runZvtCli(['decode', PORTALUM_STATUS.abortByKey]);
    expect(result.exitCode).toBe(0);
    expect(json(result.stdout)).toMatchObject({
      transport: 'bare',
      command: '04 0F',
      fields: { resultCode: 0x6c, additionalText: 'Abbruch durch Kunde' },
      meaning: { category: 'cancelled' },
    });
  });

  it('lists every item of a capture with ACKs, and exits 1 when a CRC is wrong', () => {
    const badCrc = ECRTERM_ENCODED_FRAMES.packetReceived.replace(/1F$/, '1E');
    const result = runZvtCli(['decode', `06 ${ECRTERM_ENCODED_FRAMES.statusEnquiry} 06 ${badCrc}`]);
    expect(result.exitCode).toBe(1);
    const output = json(result.stdout) as { items: Record<string, unknown>[] };
    expect(output.items.map((item) => [item.type, item.crcOk])).toEqual([
      ['ack', undefined],
      ['frame', true],
      ['ack', undefined],
      ['frame', false],
    ]);
    expect(output.items[3]).toMatchObject({
      crcReceived: '1EF5',
      crcComputed: '1FF5',
      kind: 'ack',
    });
  });

  it('names a command it cannot decode and exits 1', () => {
    const result = runZvtCli(['decode', ECRTERM_ENCODED_FRAMES.diagnosis]);
    expect(result.exitCode).toBe(1);
    expect(json(result.stdout)).toMatchObject({
      name: 'Diagnosis',
      error: { code: 'unknown-command' },
    });
  });

  it('reads text in the character set given', () => {
    const line = '06-D1-07-00-48-C4-4E-44-4C-45';
    expect(json(runZvtCli(['decode', line, '--charset=iso-8859-1']).stdout)).toMatchObject({
      fields: { text: 'HÄNDLE' },
    });
  });

  it.each([
    [['decode', '06 0'], 'odd number of hex digits'],
    [['decode', '06 0G'], '"G" is not a hex digit'],
    [['decode'], 'decode needs the bytes in hex'],
    [['decode', '06', '--charset=utf-16'], 'unknown character set'],
    [['encode', '{kind:'], 'not valid JSON'],
    [['encode', '{"kind":"authorisation","amountGrosze":-5,"paymentType":"card"}'], 'amountGrosze'],
    [['encode', '{"kind":"teleport"}'], 'kind'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[], 'no command given'],
  ])('refuses %j in one line with exit code 2', (args, expected) => {
    const result = runZvtCli(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(expected);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('zvt encode', () => {
  it('prints the serial frame of a message', () => {
    const result = runZvtCli([
      'encode',
      '{"kind":"authorisation","amountGrosze":11000,"currency":978,"paymentType":"card"}',
    ]);
    expect(result).toEqual({
      stdout: `${ECRTERM_ENCODED_FRAMES.authorisation}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints the bare APDU with --bare', () => {
    const result = runZvtCli(['encode', '{"kind":"ack"}', '--bare']);
    expect(result.stdout).toBe('80 00 00\n');
  });

  it('decodes what it encodes', () => {
    const message =
      '{"kind":"authorisation","amountGrosze":1250,"currency":985,"paymentType":"blik"}';
    const frame = runZvtCli(['encode', message]).stdout.trim();
    expect(json(runZvtCli(['decode', frame]).stdout)).toMatchObject({
      crcOk: true,
      fields: { amountGrosze: 1250, currency: 985, paymentType: 'blik' },
    });
  });
});
