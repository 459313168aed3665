import fs from 'node:fs';
import path from 'node:path';
import { KNOWN_PERSONAL_VALUES } from '../../common/testing/personalSamples';

/**
 * The personal data the end-to-end specs type into the app (the demo resident of
 * residentCase/casePayment/lockerDeposit, and the sample resident of logScan.spec.ts). None of
 * it may ever be in a log file: every host's logs are scanned for it when the host stops.
 */
export const E2E_PERSONAL_VALUES: readonly string[] = [
  '85031412347',
  '90020312344',
  'Żółkiewska',
  '600100200',
  ...KNOWN_PERSONAL_VALUES,
];

export type LogFinding = { file: string; value: string; line: string };

/** Every file under the data folder's `logs/`, each line that holds one of the values. */
export function scanLogsForPersonalData(
  dataDir: string,
  values: readonly string[] = E2E_PERSONAL_VALUES,
): LogFinding[] {
  const dir = path.join(dataDir, 'logs');
  if (!fs.existsSync(dir)) return [];
  const findings: LogFinding[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      for (const value of values) {
        if (line.includes(value)) findings.push({ file: name, value, line: line.slice(0, 300) });
      }
    }
  }
  return findings;
}

/** The log files' names and their text, for a spec that checks the logs were written at all. */
export function readLogs(dataDir: string): { files: string[]; text: string } {
  const dir = path.join(dataDir, 'logs');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  return {
    files,
    text: files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8')).join(''),
  };
}
