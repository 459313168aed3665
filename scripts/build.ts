// Builds everything the two hosts run into out/: the renderer and the hall's pages (kiosk,
// display board) with Vite, and main, the preload, the browser host's bridge and the central
// server with esbuild. `node scripts/build.ts`
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');

export async function buildAll(): Promise<void> {
  const started = performance.now();
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const define = { __OKIENKO_VERSION__: JSON.stringify(version) };

  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await viteBuild({ configFile: path.join(root, 'vite.hall.config.ts'), logLevel: 'warn' });

  const common = { bundle: true, sourcemap: true, define, logLevel: 'warning' } as const;
  await Promise.all([
    // Main-process code: Node packages stay in node_modules (native ones cannot be bundled).
    esbuild.build({
      ...common,
      entryPoints: {
        'main/electron': 'main/electron/electronMain.ts',
        'main/browserHost': 'main/browserHost/browserHostMain.ts',
        'server/main': 'server/main.ts',
      },
      outdir: out,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      packages: 'external',
      absWorkingDir: root,
    }),
    // A sandboxed preload may require nothing but electron: everything else is bundled in.
    esbuild.build({
      ...common,
      entryPoints: { 'preload/electronPreload': 'preload/electronPreload.ts' },
      outdir: out,
      outExtension: { '.js': '.cjs' },
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      absWorkingDir: root,
    }),
    esbuild.build({
      ...common,
      entryPoints: { 'preload/webSocketBridge': 'preload/webSocketBridge.ts' },
      outdir: out,
      platform: 'browser',
      format: 'iife',
      target: 'chrome140',
      absWorkingDir: root,
    }),
  ]);
  console.log(`Built into out/ in ${Math.round(performance.now() - started)} ms.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
}
