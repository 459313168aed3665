// ESLint flat config. Besides the usual TypeScript rules it enforces the layers of the
// architecture (see docs/architecture.md), so the layout stays true without anyone remembering:
//   common/   imports nothing of ours and does no I/O
//   renderer/ imports only common/ (it reaches main through window.clerk)
//   hall/     imports only common/ (the kiosk and display pages the central server serves)
//   preload/  imports only common/ and electron
//   main/     imports common/ and Node; only main/embedded/ may import server/ (the embedded default)
//   server/   imports common/ and Node
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** A relative import that walks into the named top-level layer, from anywhere in the tree. */
const layer = (name) => `^(?:\\.{1,2}/)+(?:[^/]+/)*?${name}(?:/|$)`;
const forbidLayers = (names, why) =>
  names.map((name) => ({ regex: layer(name), message: `${why} (no imports from ${name}/).` }));

const nodeBuiltins = {
  regex: '^node:',
  message: 'This layer runs without Node: no Node built-ins here.',
};
const ioPackages = [
  'electron',
  'better-sqlite3',
  'node-hid',
  'fastify',
  'kysely',
  'pg',
  'ws',
  'pino',
].map((name) => ({ name, message: `${name} is I/O: it belongs in main/ or server/.` }));

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...forbidLayers(
            ['main', 'renderer', 'preload', 'server', 'hall', 'test'],
            'common/ is shared by every side and imports nothing of ours',
          ),
          nodeBuiltins,
        ],
        [...ioPackages, { name: 'react', message: 'common/ holds no UI.' }],
      ),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [
          ...forbidLayers(
            ['main', 'preload', 'server', 'hall', 'test'],
            'renderer/ imports only common/ and reaches main through window.clerk',
          ),
          nodeBuiltins,
        ],
        ioPackages,
      ),
    },
  },
  {
    files: ['hall/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [
          ...forbidLayers(
            ['main', 'preload', 'server', 'renderer', 'test'],
            'hall/ pages run in the hall on a kiosk or a display; they import only common/ and talk to the central API over HTTP',
          ),
          nodeBuiltins,
        ],
        ioPackages,
      ),
    },
  },
  {
    files: ['preload/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [
          ...forbidLayers(
            ['main', 'renderer', 'server'],
            'preload/ imports only common/ and electron',
          ),
          nodeBuiltins,
        ],
        ioPackages.filter((p) => p.name !== 'electron'),
      ),
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/embedded/**'],
    rules: {
      'no-restricted-imports': restrict(
        forbidLayers(
          ['renderer', 'preload', 'server', 'hall'],
          'main/ imports only common/ besides itself; the central server is reached over HTTP',
        ),
      ),
    },
  },
  {
    files: ['main/embedded/**'],
    rules: {
      'no-restricted-imports': restrict(
        forbidLayers(
          ['renderer', 'preload'],
          'the embedded default starts server/ in-process and imports nothing else outside main/',
        ),
      ),
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': restrict(
        [
          ...forbidLayers(
            ['main', 'renderer', 'preload'],
            'server/ imports only common/ besides itself',
          ),
          // server/hall/ (the plugin that serves the pages) is the server's own folder: only a
          // path that climbs straight into the top-level hall/ reaches the pages' layer.
          {
            regex: '^(?:\\.\\./)+hall(?:/|$)',
            message: 'server/ imports only common/ besides itself (no imports from hall/).',
          },
        ],
        [{ name: 'electron', message: 'The central server runs without Electron.' }],
      ),
    },
  },
);
