import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const centralServerEntry = path.join(repoRoot, 'out', 'server', 'main.js');

/**
 * The standalone central server (`out/server/main.js`) in its own process, on a temporary SQLite
 * file with the demo data, for end-to-end tests that need a remote server they can stop. It
 * waits for the server's own "listening" line, never for time.
 */
export class CentralProcess {
  readonly dir: string;
  readonly url: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  private constructor(dir: string, url: string, child: ChildProcess, exited: Promise<void>) {
    this.dir = dir;
    this.url = url;
    this.child = child;
    this.exited = exited;
  }

  static async start(timeoutMs = 20_000): Promise<CentralProcess> {
    if (!fs.existsSync(centralServerEntry)) {
      throw new Error(`${centralServerEntry} is missing: run \`npm run build\` first.`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-central-'));
    const child = spawn(process.execPath, [centralServerEntry], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: path.join(dir, 'central.sqlite'),
        DEMO_DATA: '1',
      },
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`The central server did not start within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream! }).on('line', (line) => {
          output += `${line}\n`;
          const match = /okienko-central listening at (\S+)/.exec(line);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      }
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`The central server exited before listening:\n${output}`));
      });
    });
    return new CentralProcess(dir, url, child, exited);
  }

  /** Logs in as the demo admin and registers a counter PC; answers its workstation token. */
  async registerWorkstation(id: string, siteId: string, counterNumber: number): Promise<string> {
    const login = await fetch(`${this.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'demo' }),
    });
    const { token: session } = (await login.json()) as { token: string };
    const registered = await fetch(`${this.url}/api/v1/admin/workstations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
      body: JSON.stringify({ id, siteId, counterNumber }),
    });
    if (!registered.ok) throw new Error(`registering ${id}: HTTP ${registered.status}`);
    return ((await registered.json()) as { token: string }).token;
  }

  /** Stops the server (as an outage would); its data folder stays until dispose(). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await this.exited;
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
