// electron-builder.yml, checked the way electron-builder checks it (its own schema, its own
// YAML parser, validator and glob matcher) plus the security choices we made in it. Runs in
// plain Node: no Electron binary, no packaging.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import pngjs from 'pngjs';
import { LINUX_ICON_SIZES, WINDOWS_ICON_SIZES, renderIcons } from '../../scripts/icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The libraries are resolved from app-builder-lib's own location, so the test uses exactly
// the copies electron-builder uses (and needs no dependency of its own beyond electron-builder).
const rootRequire = createRequire(path.join(root, 'package.json'));
const appBuilderLibJson = createRequire(
  rootRequire.resolve('electron-builder/package.json'),
).resolve('app-builder-lib/package.json');
const builderRequire = createRequire(appBuilderLibJson);

interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type ValidateFunction = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type AjvConstructor = new (options: Record<string, unknown>) => {
  compile(schema: object): ValidateFunction;
};

const { load: parseYaml } = builderRequire('js-yaml') as { load(text: string): unknown };
const Ajv = (builderRequire('ajv') as { default: AjvConstructor }).default;
const { minimatch } = builderRequire('minimatch') as {
  minimatch(file: string, pattern: string, options: { dot: boolean }): boolean;
};

interface JsonSchema {
  $ref?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}
const schema = JSON.parse(
  readFileSync(path.join(path.dirname(appBuilderLibJson), 'scheme.json'), 'utf8'),
) as JsonSchema;

// The same options as app-builder-lib/out/util/config/schemaValidator.js.
const validate = new Ajv({
  allErrors: true,
  verbose: true,
  coerceTypes: true,
  strict: false,
}).compile(schema);

/** Validates a copy: with coerceTypes, ajv rewrites the data it checks. */
function schemaErrors(candidate: unknown): SchemaError[] {
  return validate(structuredClone(candidate)) ? [] : (validate.errors ?? []);
}

type Target = string | { target: string; arch?: string | string[] };
interface BuilderConfig {
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  electronFuses?: Record<string, unknown> | null;
  nsis?: Record<string, unknown>;
  win?: { target?: Target | Target[]; icon?: string };
  linux?: { target?: Target | Target[]; category?: string; maintainer?: string; icon?: string };
  fileAssociations?: unknown[];
  protocols?: unknown[];
  publish?: { provider: string; url?: string; channel?: string }[];
}

const config = parseYaml(
  readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

/** The fuse option names that this app-builder-lib knows, read from its schema. */
function knownFuseKeys(): string[] {
  const refs = (schema.properties?.electronFuses?.anyOf ?? []).flatMap((entry) =>
    entry.$ref ? [entry.$ref] : [],
  );
  expect(refs).toHaveLength(1);
  const definition = schema.definitions?.[refs[0]!.replace('#/definitions/', '')];
  return Object.keys(definition?.properties ?? {});
}

/** Included by an electron-builder pattern list: the last pattern that matches decides. */
function selectedBy(patterns: string[], file: string): boolean {
  let selected = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (negated === !selected) continue;
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) selected = !negated;
  }
  return selected;
}

function targetNames(target: Target | Target[] | undefined): string[] {
  return (Array.isArray(target) ? target : target === undefined ? [] : [target]).map((entry) =>
    typeof entry === 'string' ? entry : entry.target,
  );
}

/** Every file of the repository outside what is generated or installed. */
function repositoryFiles(dir = ''): string[] {
  const skipped = new Set(['node_modules', '.git', 'out', 'release']);
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return skipped.has(relative) ? [] : repositoryFiles(relative);
    return [relative];
  });
}

/** The PNG images of a .png, or of each entry of an .ico, decoded to RGBA. */
function pictures(file: Buffer): Buffer[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) {
    return [pngjs.PNG.sync.read(file).data];
  }
  return Array.from({ length: file.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const offset = file.readUInt32LE(entry + 12);
    return pngjs.PNG.sync.read(file.subarray(offset, offset + file.readUInt32LE(entry + 8))).data;
  });
}

function samePictures(a: Buffer, b: Buffer): boolean {
  const [left, right] = [pictures(a), pictures(b)];
  return left.length === right.length && left.every((picture, i) => picture.equals(right[i]!));
}

describe('electron-builder.yml', () => {
  it('is valid against the installed electron-builder schema', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('is checked by a validator that really rejects unknown options', () => {
    const bogusNsis = { ...config, nsis: { ...config.nsis, perMachineX: true } };
    expect(schemaErrors(bogusNsis)).toContainEqual(
      expect.objectContaining({
        instancePath: '/nsis',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'perMachineX' },
      }),
    );
    const bogusFuse = { ...config, electronFuses: { ...config.electronFuses, runAsNodeX: false } };
    expect(schemaErrors(bogusFuse)).not.toEqual([]);
  });

  it('decides every fuse the installed electron-builder knows', () => {
    const fuses = config.electronFuses ?? {};
    const known = knownFuseKeys();
    expect(known).toContain('runAsNode');
    // A fuse added by a newer electron-builder fails here until it is set in the config.
    const undecided = known.filter((key) => typeof fuses[key] !== 'boolean');
    expect(undecided).toEqual([]);
  });

  it('closes the fuses that let the environment run code in the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per machine on Windows with NSIS', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      perMachine: true,
      oneClick: false,
      allowToChangeInstallationDirectory: true,
    });
  });

  it('builds deb and AppImage for Linux', () => {
    expect(targetNames(config.linux?.target)).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('unpacks the native modules from the asar', () => {
    expect(config.asar).toBe(true);
    const unpack = config.asarUnpack ?? [];
    for (const file of [
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'node_modules/better-sqlite3/lib/binding.js',
      'node_modules/node-hid/prebuilds/HID-win32-x64/node-napi-v4.node',
      'node_modules/node-hid/nodehid.js',
      'node_modules/some-future-addon/build/Release/addon.node',
    ]) {
      expect({ file, unpacked: selectedBy(unpack, file) }).toEqual({ file, unpacked: true });
    }
  });

  it('packs the build output and package.json, and nothing else of the repository', () => {
    const files = config.files ?? [];
    for (const file of [
      'package.json',
      'out/main/electron.js',
      'out/preload/electronPreload.cjs',
      'out/renderer/index.html',
      'out/server/main.js',
    ]) {
      expect({ file, packed: selectedBy(files, file) }).toEqual({ file, packed: true });
    }
    expect(selectedBy(files, 'out/main/electron.js.map')).toBe(false);
    const packedSources = repositoryFiles().filter(
      (file) => file !== 'package.json' && selectedBy(files, file),
    );
    expect(packedSources).toEqual([]);
  });

  it('has the icons each target needs, as scripts/icons.ts makes them from build/icon.png', () => {
    const size = (png: Buffer) => {
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(png.toString('latin1', 12, 16)).toBe('IHDR');
      return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    };
    // The source: 512×512, the size every other one is made from.
    expect(size(readFileSync(path.join(root, 'build', 'icon.png')))).toEqual({
      width: 512,
      height: 512,
    });

    // Linux: a folder of <N>x<N>.png, each really that size.
    expect(config.linux?.icon).toBe('build/icons');
    const linuxIcons = readdirSync(path.join(root, 'build', 'icons')).sort();
    expect(linuxIcons).toEqual(LINUX_ICON_SIZES.map((n) => `${n}x${n}.png`).sort());
    for (const n of LINUX_ICON_SIZES) {
      const png = readFileSync(path.join(root, 'build', 'icons', `${n}x${n}.png`));
      expect({ n, ...size(png) }).toEqual({ n, width: n, height: n });
    }

    // Windows: an .ico with 16 to 256 px (NSIS and Explorer need the 256 px one).
    expect(config.win?.icon).toBe('build/icon.ico');
    const ico = readFileSync(path.join(root, 'build', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const entries = Array.from({ length: count }, (_, index) => {
      const entry = 6 + 16 * index;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      return { declared: ico.readUInt8(entry) || 256, ...size(png) };
    });
    expect(entries.map((entry) => entry.declared)).toEqual([...WINDOWS_ICON_SIZES]);
    for (const entry of entries) {
      expect(entry).toEqual({
        declared: entry.declared,
        width: entry.declared,
        height: entry.declared,
      });
    }

    // Committed as the script makes them: a new icon.png without `npm run icons` fails here.
    // Pixels are compared, not bytes: another zlib may compress the same picture differently.
    const made = renderIcons(readFileSync(path.join(root, 'build', 'icon.png')));
    for (const [name, content] of made) {
      const committed = readFileSync(path.join(root, 'build', name));
      expect({ name, same: samePictures(committed, content) }).toEqual({ name, same: true });
    }
  });

  it('registers no file type and no URL scheme', () => {
    expect(config.fileAssociations ?? []).toEqual([]);
    expect(config.protocols ?? []).toEqual([]);
  });

  it('writes the feed electron-updater reads from the central server (generic provider)', () => {
    expect(config.publish).toEqual([
      { provider: 'generic', url: expect.stringMatching(/\/updates\/latest$/), channel: 'latest' },
    ]);
    // The file named in latest.yml is served under that name: no spaces in it.
    expect(config.nsis?.artifactName).toBe('${productName}-Setup-${version}.${ext}');
    const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    // `npm run dist` makes the files and never uploads them anywhere (IT copies them).
    expect(packageJson.scripts.dist).toContain('--publish never');
    // electron-updater runs in the packaged app: a dependency, not a devDependency.
    expect(packageJson.dependencies['electron-updater']).toBeDefined();
  });
});
