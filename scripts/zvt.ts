// `npm run zvt -- decode <hex>` / `npm run zvt -- encode <json>`: IT support's tool for captured
// payment-terminal traffic (main/payments/zvt/cli.ts, docs/payment-terminal.md). Node runs this
// file as TypeScript but cannot resolve the codec's extensionless imports, so the CLI is bundled
// with esbuild into out/tools/zvt.js first (a few tens of milliseconds) and then imported.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'tools', 'zvt.js');

await esbuild.build({
  entryPoints: [path.join(root, 'main', 'payments', 'zvt', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  logLevel: 'error',
  absWorkingDir: root,
});

const { runZvtCli } = (await import(pathToFileURL(outfile).href)) as {
  runZvtCli: (args: readonly string[]) => { stdout: string; stderr: string; exitCode: number };
};
const result = runZvtCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
