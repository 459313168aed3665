import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultWorkstationConfig, type WorkstationConfig } from '../../common/contract';
import { BrowserHostProcess } from './browserHostProcess';
import { SERVICE_HOURS_START } from './queueCentral';

const shiftClockModule = pathToFileURL(path.join(import.meta.dirname, 'shiftClock.ts')).href;

/**
 * The environment that starts a process's clock at `start` (a weekday morning by default) and
 * lets it run from there: the queue engine in it issues tickets whatever the hour the test runs.
 */
export function shiftedClockEnv(start = SERVICE_HOURS_START): Record<string, string> {
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return {
    NODE_OPTIONS: `${inherited}--import=${shiftClockModule}`,
    OKIENKO_TEST_CLOCK_START: start,
  };
}

/** Logs in as the demo admin at a central server and registers a counter PC: its token. */
export async function registerWorkstationAt(
  centralUrl: string,
  workstation: { id: string; siteId: string; counterNumber: number },
): Promise<string> {
  const login = await fetch(new URL('/api/v1/auth/login', centralUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo' }),
  });
  if (!login.ok) throw new Error(`admin login at ${centralUrl}: HTTP ${login.status}`);
  const { token: session } = (await login.json()) as { token: string };
  const registered = await fetch(new URL('/api/v1/admin/workstations', centralUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify(workstation),
  });
  if (!registered.ok) throw new Error(`registering ${workstation.id}: HTTP ${registered.status}`);
  return ((await registered.json()) as { token: string }).token;
}

/**
 * A counter PC's browser host at a site's counter, its clock in service hours: with the embedded
 * central server (the first PC of a test), or with another PC's server as its remote central
 * (`centralUrl`), registered there with a token file, as a second counter of the same hall.
 */
export async function startCounterHost(options: {
  siteId: string;
  counterNumber: number;
  centralUrl?: string;
}): Promise<BrowserHostProcess> {
  const config: WorkstationConfig = {
    ...defaultWorkstationConfig,
    site: { id: options.siteId },
    counter: { number: options.counterNumber },
    ...(options.centralUrl ? { central: { mode: 'remote', url: options.centralUrl } } : {}),
  };
  const files: Record<string, string> = {};
  if (options.centralUrl) {
    const token = await registerWorkstationAt(options.centralUrl, {
      id: `e2e-${options.siteId}-${options.counterNumber}`,
      siteId: options.siteId,
      counterNumber: options.counterNumber,
    });
    files['workstation-token'] = `${token}\n`;
  }
  const host = BrowserHostProcess.start({ config, files, env: shiftedClockEnv() });
  try {
    await host.waitFor('ready', (data) => data.step === 'central-reachable');
  } catch (error) {
    await host.stop();
    throw error;
  }
  return host;
}
