import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { WorkstationConfig } from '../../common/contract';
import { scanLogsForPersonalData } from './logScan';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const browserHostEntry = path.join(repoRoot, 'out', 'main', 'browserHost.js');

export type HostLine = { kind: string; data: Record<string, unknown> };

/**
 * A browser host in its own process with its own temporary data folder, as a test needs it. It
 * waits for the lines the host prints (`okienko:<kind> <json>`), never for time.
 */
export class BrowserHostProcess {
  readonly dataDir: string;
  readonly lines: HostLine[] = [];
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();
  private output = '';
  private exited: number | null = null;

  private constructor(dataDir: string, env: Record<string, string> = {}) {
    if (!fs.existsSync(browserHostEntry)) {
      throw new Error(
        `${browserHostEntry} is missing: run \`npm run build\` before the end-to-end tests.`,
      );
    }
    this.dataDir = dataDir;
    this.child = spawn(process.execPath, [browserHostEntry, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OKIENKO_DATA_DIR: '', ...env },
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => this.receive(line));
    }
    this.child.on('exit', (code) => {
      this.exited = code ?? -1;
      this.notify();
    });
  }

  /**
   * `files`: more files for the data folder before the start (e.g. `workstation-token`);
   * `env`: more environment for the host (e.g. `shiftedClockEnv()` from `./shiftedClock`).
   */
  static start(
    options: {
      config?: WorkstationConfig;
      files?: Record<string, string>;
      env?: Record<string, string>;
    } = {},
  ): BrowserHostProcess {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-e2e-'));
    if (options.config)
      fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(options.config, null, 2));
    for (const [name, content] of Object.entries(options.files ?? {})) {
      fs.writeFileSync(path.join(dataDir, name), content);
    }
    return new BrowserHostProcess(dataDir, options.env);
  }

  /** Resolves with the first line of this kind that matches, past or future. */
  waitFor(
    kind: string,
    matches: (data: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<HostLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.find((line) => line.kind === kind && matches(line.data));
        if (found) return finish(() => resolve(found));
        if (this.exited !== null) {
          return finish(() =>
            reject(
              new Error(
                `The browser host exited (${this.exited}) before "${kind}":\n${this.output}`,
              ),
            ),
          );
        }
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                `No "${kind}" from the browser host within ${timeoutMs} ms:\n${this.output}`,
              ),
            ),
          ),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  async url(): Promise<string> {
    const line = await this.waitFor('listening');
    return String(line.data.url);
  }

  /** Stops the host and keeps its data folder (a spec then reads its logs). */
  async kill(): Promise<void> {
    if (this.exited === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
  }

  /**
   * Stops the host and removes its data folder, after scanning its logs for the personal data
   * the specs type (test/support/logScan.ts): a host whose log holds any fails its test.
   */
  async stop(): Promise<void> {
    await this.kill();
    const findings = scanLogsForPersonalData(this.dataDir);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    if (findings.length > 0) {
      throw new Error(
        `Personal data in the host's log (docs/logs.md):\n${findings
          .map((finding) => `  ${finding.file}: "${finding.value}" in ${finding.line}`)
          .join('\n')}`,
      );
    }
  }

  /** Everything the host printed, for a failure message. */
  get log(): string {
    return this.output;
  }

  private receive(line: string): void {
    this.output += `${line}\n`;
    const match = /^okienko:(\w+) (.*)$/.exec(line);
    if (match) {
      try {
        this.lines.push({
          kind: match[1]!,
          data: JSON.parse(match[2]!) as Record<string, unknown>,
        });
      } catch {
        // A line that only looks like ours; the raw output keeps it for the failure message.
      }
    }
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
