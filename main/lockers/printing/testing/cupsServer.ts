import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { closedPort } from './tcpSink';

const run = promisify(execFile);

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Why a real CUPS cannot run here, or null when it can: the Debian `cups` package (cupsd,
 * lpadmin; .ci/run installs it) and root, which cupsd needs to run its backends as `lp`.
 */
export function cupsUnavailableReason(): string | null {
  if (which('cupsd') === null || which('lpadmin') === null) {
    return 'cupsd/lpadmin not installed (apt-get install cups cups-client; .ci/run does)';
  }
  if (process.getuid?.() !== 0) return 'cupsd needs root to run its backends as lp';
  return null;
}

async function waitForPort(port: number, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`cupsd did not listen on 127.0.0.1:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A cupsd of the test's own: its config, spool, cache and state in a temp folder, listening on a
 * free port of 127.0.0.1, no systemd, no browsing, no authentication (the policy allows all
 * operations to everyone on loopback). `addRawQueue` creates a raw queue whose device is a
 * network printer at `socket://127.0.0.1:<port>` (JetDirect, as a network Zebra is attached).
 */
export async function startCupsServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-cups-'));
  // The backends run as lp and must reach the spool; nothing here is secret.
  fs.chmodSync(dir, 0o755);
  for (const sub of ['spool', 'spool/tmp', 'cache', 'state', 'tmp', 'log']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o755 });
  }
  const port = await closedPort();
  fs.writeFileSync(
    path.join(dir, 'cupsd.conf'),
    [
      `Listen 127.0.0.1:${port}`,
      'ServerName 127.0.0.1',
      'ServerAlias *',
      'LogLevel info',
      'WebInterface No',
      'Browsing No',
      'BrowseLocalProtocols none',
      'DefaultAuthType None',
      // A job's record stays, so Get-Job-Attributes can follow it to `completed`.
      'PreserveJobHistory Yes',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${dir}/spool`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      `TempDir ${dir}/tmp`,
      'ServerBin /usr/lib/cups',
      'DataDir /usr/share/cups',
      `AccessLog ${dir}/log/access_log`,
      `ErrorLog ${dir}/log/error_log`,
      `PageLog ${dir}/log/page_log`,
      'FileDevice Yes',
      'SystemGroup root',
      'User lp',
      'Group lp',
      'Sandboxing Relaxed',
      '',
    ].join('\n'),
  );

  let cupsd: ChildProcess | null = null;
  async function start(): Promise<void> {
    if (cupsd && cupsd.exitCode === null) return;
    const child = spawn(
      'cupsd',
      ['-f', '-c', path.join(dir, 'cupsd.conf'), '-s', path.join(dir, 'cups-files.conf')],
      { stdio: 'ignore' },
    );
    cupsd = child;
    await waitForPort(port, 10_000);
  }
  async function stop(): Promise<void> {
    const child = cupsd;
    cupsd = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  await start();
  const host = `127.0.0.1:${port}`;
  return {
    port,
    dir,
    /** `ipp://127.0.0.1:<port>/printers/<name>` */
    printerUrl: (name: string) => `ipp://${host}/printers/${name}`,
    async addRawQueue(name: string, devicePort: number): Promise<void> {
      await run('lpadmin', [
        '-h',
        host,
        '-p',
        name,
        '-E',
        '-v',
        `socket://127.0.0.1:${devicePort}`,
        '-m',
        'raw',
      ]);
    },
    /** The printer switched off at the spooler: the server stops (and starts again with `start`). */
    stop,
    start,
    errorLog: () => {
      try {
        return fs.readFileSync(path.join(dir, 'log', 'error_log'), 'utf8');
      } catch {
        return '';
      }
    },
    async dispose(): Promise<void> {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type CupsServer = Awaited<ReturnType<typeof startCupsServer>>;
