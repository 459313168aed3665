import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, proven against the real config: a file at the given
// path (it need not exist) with one import line either trips no-restricted-imports or not.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function layerErrors(file: string, specifier: string): Promise<string[]> {
  // A side-effect import: no unused binding for other rules to complain about.
  const [result] = await eslint.lintText(`import '${specifier}';\n`, {
    filePath: path.join(repoRoot, file),
  });
  if (!result) throw new Error(`ESLint gave no result for ${file}`);
  // A parse failure or an ignored path comes back as a message without a rule: it would make
  // an "allowed" case pass for the wrong reason.
  const unruled = result.messages.find((message) => message.ruleId === null);
  if (unruled) throw new Error(`ESLint did not lint ${file}: ${unruled.message}`);
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports' && message.severity === 2)
    .map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['renderer/features/queue/queueSlice.ts', '../../../main/db'],
    ['renderer/app/App.tsx', '../../main/db'],
    ['renderer/app/route.ts', 'node:fs'],
    ['renderer/app/route.ts', 'electron'],
    ['renderer/app/route.ts', '../../preload/clerkApi'],
    ['renderer/app/route.ts', '../../server/buildCentralServer'],
    ['common/domain/pesel.ts', '../main/x'],
    ['common/domain/pesel.ts', '../../main/db'],
    ['common/domain/pesel.ts', 'better-sqlite3'],
    ['common/domain/pesel.ts', 'node:fs'],
    ['common/domain/pesel.ts', 'react'],
    ['main/app/startWorkstation.ts', '../../server/startCentralServer'],
    ['main/app/startWorkstation.ts', '../../renderer/app/route'],
    ['main/app/startWorkstation.ts', '../../preload/clerkApi'],
    ['main/embedded/startEmbeddedCentral.ts', '../../renderer/app/route'],
    ['preload/clerkApi.ts', '../main/x'],
    ['preload/clerkApi.ts', 'node:fs'],
    ['preload/clerkApi.ts', 'ws'],
    ['server/buildCentralServer.ts', '../main/x'],
    ['server/routes/health.ts', '../../main/db'],
    ['server/main.ts', 'electron'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).toHaveLength(1);
  });

  it.each([
    ['renderer/app/route.ts', '../../common/contract'],
    ['renderer/app/route.ts', 'react'],
    ['common/contract/app.ts', './defineChannel'],
    ['common/contract/app.ts', 'zod'],
    ['main/embedded/x.ts', '../../server/startCentralServer'],
    ['main/app/startWorkstation.ts', '../../common/contract'],
    ['main/app/startWorkstation.ts', 'node:fs'],
    ['main/app/startWorkstation.ts', 'better-sqlite3'],
    ['preload/electronPreload.ts', 'electron'],
    ['preload/clerkApi.ts', '../common/contract'],
    ['server/buildCentralServer.ts', '../common/contract/central/health'],
    ['server/buildCentralServer.ts', 'fastify'],
    ['server/buildCentralServer.ts', 'node:fs'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).toEqual([]);
  });

  it('says why in the message, naming the forbidden layer', async () => {
    const [message] = await layerErrors('renderer/app/route.ts', '../../main/db');
    expect(message).toContain('main/');
  });
});
