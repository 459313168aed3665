import path from 'node:path';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * Bundles a TypeScript entry of the repository into one ESM file that plain `node` runs, for a
 * test that needs some of the app in a process of its own. The file goes under out/ so that its
 * packages (better-sqlite3, pino…) resolve from the repository's node_modules.
 */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const outfile = path.join(repoRoot, 'out', 'test-support', `${name}.mjs`);
  await esbuild.build({
    entryPoints: [path.resolve(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
