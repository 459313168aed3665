import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openLogger } from '../../main/logging/logger';
import { scanLogsForPersonalData } from './logScan';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// The scan every end-to-end host runs when it stops: it must find what a leak would write.
it('finds a personal value written to a log file, and nothing in a masked log', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-scan-'));
  dirs.push(dataDir);
  const log = await openLogger({ dataDir });
  log.logger.info({ registration: { pesel: '85031412347' } }, 'masked by key');
  log.logger.info({ surnameTyped: 'Żółkiewska' }, 'a key the mask does not know');
  await log.close();

  const findings = scanLogsForPersonalData(dataDir);
  expect(findings.map((finding) => finding.value)).toEqual(['Żółkiewska']);
  expect(findings[0]?.line).toContain('a key the mask does not know');
});
