// `npm start`: builds the app, then opens it in Electron. Where Electron's binary cannot be had
// (no network to fetch it) or there is no display, it says so in one line and serves the same
// app through the browser host instead. `npm run start:web` goes to the browser host directly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forwarded = process.argv.slice(2).filter((arg) => arg !== '--web');
const webOnly = process.argv.includes('--web');

await buildAll();

const electron = webOnly
  ? { path: null, reason: 'the browser host was asked for' }
  : findElectron();
if (electron.path) {
  run(electron.path, ['.', ...forwarded]);
} else {
  if (!webOnly)
    console.log(
      `Electron cannot start here (${electron.reason}); serving the app through the browser host.`,
    );
  run(process.execPath, [path.join(root, 'out', 'main', 'browserHost.js'), ...forwarded]);
}

function findElectron(): { path: string; reason?: undefined } | { path: null; reason: string } {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const binary = electronBinary(packageDir);
  if (binary) return { path: binary };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      path: null,
      reason: 'its binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    };
  }
  // Electron fetches its binary on first use; on a machine with internet this is where it happens.
  const install = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  return electronBinary(packageDir)
    ? { path: electronBinary(packageDir)! }
    : {
        path: null,
        reason: `its binary could not be downloaded (${firstLine(install.stderr) || 'no network'})`,
      };
}

function electronBinary(packageDir: string): string | null {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function firstLine(buffer: Buffer | null): string {
  return (buffer?.toString('utf8') ?? '').trim().split('\n')[0] ?? '';
}

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
