import { describe, expect, it } from 'vitest';
import {
  decodeIppMessage,
  encodeIppRequest,
  IppDecodeError,
  ippStatusName,
  operationIds,
} from './ippEncoding';

/** Builds bytes the way RFC 8010 Appendix A writes them: numbers of a given width, and text. */
function bytesOf(...parts: ([number, 1 | 2 | 4] | string)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      out.push(...new TextEncoder().encode(part));
      continue;
    }
    const [value, width] = part;
    for (let shift = (width - 1) * 8; shift >= 0; shift -= 8) out.push((value >>> shift) & 0xff);
  }
  return Uint8Array.from(out);
}

/** An attribute as the RFC's tables spell it: value tag, name length, name, value length, value. */
function attr(tag: number, name: string, value: string | [number, 1 | 4]) {
  const valueBytes = typeof value === 'string' ? new TextEncoder().encode(value).length : value[1];
  return [
    [tag, 1] as [number, 1],
    [new TextEncoder().encode(name).length, 2] as [number, 2],
    name,
    [valueBytes, 2] as [number, 2],
    value,
  ];
}

describe('the IPP encoding (RFC 8010)', () => {
  it('encodes the Print-Job request of RFC 8010 A.2 byte for byte', () => {
    const document = new TextEncoder().encode('%!PS...');
    const encoded = encodeIppRequest({
      operationId: operationIds.printJob,
      requestId: 1,
      operation: [
        { name: 'attributes-charset', tag: 'charset', values: ['utf-8'] },
        { name: 'attributes-natural-language', tag: 'naturalLanguage', values: ['en-us'] },
        {
          name: 'printer-uri',
          tag: 'uri',
          values: ['ipp://printer.example.com/ipp/print/pinetree'],
        },
        { name: 'job-name', tag: 'nameWithoutLanguage', values: ['foobar'] },
        { name: 'ipp-attribute-fidelity', tag: 'boolean', values: [true] },
      ],
      job: [
        { name: 'copies', tag: 'integer', values: [20] },
        { name: 'sides', tag: 'keyword', values: ['two-sided-long-edge'] },
      ],
      data: document,
    });

    const expected = bytesOf(
      [0x0101, 2],
      [0x0002, 2],
      [1, 4],
      [0x01, 1],
      ...attr(0x47, 'attributes-charset', 'utf-8'),
      ...attr(0x48, 'attributes-natural-language', 'en-us'),
      ...attr(0x45, 'printer-uri', 'ipp://printer.example.com/ipp/print/pinetree'),
      ...attr(0x42, 'job-name', 'foobar'),
      ...attr(0x22, 'ipp-attribute-fidelity', [1, 1]),
      [0x02, 1],
      ...attr(0x21, 'copies', [20, 4]),
      ...attr(0x44, 'sides', 'two-sided-long-edge'),
      [0x03, 1],
      '%!PS...',
    );
    expect(Buffer.from(encoded).toString('hex')).toBe(Buffer.from(expected).toString('hex'));
  });

  it('writes further values of one attribute with an empty name (1setOf)', () => {
    const encoded = encodeIppRequest({
      operationId: operationIds.getPrinterAttributes,
      requestId: 7,
      operation: [{ name: 'requested-attributes', tag: 'keyword', values: ['printer-state', 'x'] }],
    });
    expect(Buffer.from(encoded).toString('hex')).toBe(
      Buffer.from(
        bytesOf(
          [0x0101, 2],
          [0x000b, 2],
          [7, 4],
          [0x01, 1],
          ...attr(0x44, 'requested-attributes', 'printer-state'),
          [0x44, 1],
          [0, 2],
          [1, 2],
          'x',
          [0x03, 1],
        ),
      ).toString('hex'),
    );
  });

  it('decodes the Print-Job response of RFC 8010 A.3', () => {
    const response = decodeIppMessage(
      bytesOf(
        [0x0101, 2],
        [0x0000, 2],
        [1, 4],
        [0x01, 1],
        ...attr(0x47, 'attributes-charset', 'utf-8'),
        ...attr(0x48, 'attributes-natural-language', 'en-us'),
        ...attr(0x41, 'status-message', 'successful-ok'),
        [0x02, 1],
        ...attr(0x21, 'job-id', [147, 4]),
        ...attr(0x45, 'job-uri', 'ipp://printer.example.com/ipp/print/pinetree/147'),
        ...attr(0x23, 'job-state', [3, 4]),
        [0x03, 1],
      ),
    );
    expect(response.statusCode).toBe(0);
    expect(response.requestId).toBe(1);
    expect(response.operation['status-message']).toEqual(['successful-ok']);
    expect(response.job).toEqual([
      {
        'job-id': [147],
        'job-uri': ['ipp://printer.example.com/ipp/print/pinetree/147'],
        'job-state': [3],
      },
    ]);
  });

  it('decodes 1setOf values, text with a language, out-of-band values and collections', () => {
    const response = decodeIppMessage(
      bytesOf(
        [0x0101, 2],
        [0x0506, 2],
        [9, 4],
        [0x04, 1],
        ...attr(0x44, 'printer-state-reasons', 'media-empty-error'),
        [0x44, 1],
        [0, 2],
        [7, 2],
        'paused!',
        // textWithLanguage: language length, language, text length, text
        [0x35, 1],
        [21, 2],
        'printer-state-message',
        [2 + 2 + 2 + 6, 2],
        [2, 2],
        'pl',
        [6, 2],
        'Pusty!',
        ...attr(0x13, 'printer-info', ''),
        // media-col-default = { media-type = "labels" }
        ...attr(0x34, 'media-col-default', ''),
        [0x4a, 1],
        [0, 2],
        [10, 2],
        'media-type',
        [0x44, 1],
        [0, 2],
        [6, 2],
        'labels',
        [0x37, 1],
        [0, 2],
        [0, 2],
        ...attr(0x23, 'printer-state', [5, 4]),
        [0x03, 1],
      ),
    );
    expect(ippStatusName(response.statusCode)).toBe('server-error-not-accepting-jobs');
    expect(response.printer[0]).toEqual({
      'printer-state-reasons': ['media-empty-error', 'paused!'],
      'printer-state-message': ['Pusty!'],
      'printer-info': [null],
      'media-col-default': [{ 'media-type': ['labels'] }],
      'printer-state': [5],
    });
  });

  it('refuses a message cut short, rather than reading past its end', () => {
    const whole = bytesOf(
      [0x0101, 2],
      [0, 2],
      [1, 4],
      [0x01, 1],
      ...attr(0x47, 'attributes-charset', 'utf-8'),
      [0x03, 1],
    );
    expect(() => decodeIppMessage(whole.subarray(0, whole.length - 3))).toThrow(IppDecodeError);
  });
});
