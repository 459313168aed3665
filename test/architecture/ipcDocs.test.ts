import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../common/contract';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/ipc.md'), 'utf8');

describe('docs/ipc.md', () => {
  it.each(channelNames)('documents the channel %s', (channel) => {
    expect(doc).toContain(`\`${channel}\``);
  });
  it.each(eventNames)('documents the event %s', (event) => {
    expect(doc).toContain(`\`${event}\``);
  });
});
