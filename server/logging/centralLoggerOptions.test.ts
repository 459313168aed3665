import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { KNOWN_PERSONAL_VALUES, syntheticRegistration } from '../../common/testing/personalSamples';
import { centralLoggerOptions } from './centralLoggerOptions';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe("the central server's log", () => {
  it('masks a registration logged whole, merged or inside a payload', () => {
    const { lines, stream } = capture();
    const logger = pino(centralLoggerOptions(), stream);
    const registration = syntheticRegistration();
    logger.info({ registration }, 'applied');
    logger.info(registration, 'applied (merged)');
    logger.warn({ mutation: { type: 'case.register', payload: registration } }, 'refused');
    const text = lines.join('');
    expect(text).toContain('applied (merged)');
    for (const value of KNOWN_PERSONAL_VALUES) expect(text).not.toContain(value);
  });

  it('logs a request by its path, without the query string or the body', async () => {
    const { lines, stream } = capture();
    const app = Fastify({ logger: { ...centralLoggerOptions(), stream } });
    app.post('/api/v1/echo', async () => ({ ok: true }));
    await app.inject({
      method: 'POST',
      url: '/api/v1/echo?q=bozydar.grzegzolka@poczta.example&name=Grzegżółka',
      payload: syntheticRegistration(),
    });
    await app.close();
    const text = lines.join('');
    expect(text).toContain('"path":"/api/v1/echo"');
    for (const value of KNOWN_PERSONAL_VALUES) expect(text).not.toContain(value);
    expect(text).not.toContain('Grzeg');
  });
});
