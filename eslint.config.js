// Lint keeps the runtimes apart: a file's folder says what it may import (see STYLE.md).
// Not type-aware on purpose: tsc already type-checks both sides, and this stays fast.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/** Node built-ins, bare or with `node:`, except the ones named in `allow` (e.g. ['test', 'assert']). */
const nodeBuiltins = (allow = []) => {
  const allowed = (m) => allow.some((a) => m === a || m.startsWith(`${a}/`));
  const names = builtinModules.filter((m) => !allowed(m)).map((m) => m.replace(/\//g, '\\/'));
  const except = allow.length ? `(?!(${allow.join('|')})(\\/|$))` : '';
  return `^(node:${except}|(${names.join('|')})(\\/|$))`;
};

// Each ban is a regex over the import specifier. Plain-string regexes (no literal "/")
// so the same source also works inside a no-restricted-syntax selector for import().
const ban = {
  electron: '^electron(\\/|$)',
  node: nodeBuiltins(),
  nodeExceptTestTools: nodeBuiltins(['test', 'assert']),
  react: '^react(-dom)?(\\/|$)',
  electronFolder: '^(\\.\\.?\\/)+(.*\\/)?electron(\\/|$)',
  rendererFolder: '^(\\.\\.?\\/)+(.*\\/)?renderer(\\/|$)',
  nodeSideFolders: '^(\\.\\.?\\/)+(.*\\/)?(core|cli|main)(\\/|$)',
};

/**
 * One config object per folder: flat config replaces (does not merge) a rule's options
 * when two objects match a file, so every folder lists all of its bans in one place.
 */
function boundary(name, files, bans, { ignores = [], paths = [] } = {}) {
  return {
    name: `enclave/boundaries/${name}`,
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: bans.map(([regex, message]) => ({ regex, message })) }],
      'no-restricted-syntax': [
        'error',
        ...bans.map(([regex, message]) => ({
          selector: `ImportExpression[source.value=/${regex}/]`,
          message,
        })),
      ],
    },
  };
}

/**
 * Folder boundaries checked on the *resolved* path of each relative import (as VS Code's
 * code-layering rule does), so no spelling of the path (`../host/x.js`,
 * `../../electron/host/x.js`) slips past. Options: [{ folder, message }], folders
 * relative to the repository root.
 */
const resolvedBoundaries = {
  meta: { type: 'problem', schema: [{ type: 'array' }] },
  create(context) {
    const forbidden = context.options[0] ?? [];
    const root = context.cwd;
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source)).split(path.sep).join('/');
      const hit = forbidden.find(({ folder }) => target === folder || target.startsWith(`${folder}/`));
      if (hit) context.report({ node, message: `${hit.message} (imports ${target})` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

function resolvedBoundary(name, files, forbidden) {
  return {
    name: `enclave/resolved-boundaries/${name}`,
    files,
    plugins: { enclave: { rules: { 'resolved-boundaries': resolvedBoundaries } } },
    rules: { 'enclave/resolved-boundaries': ['error', forbidden] },
  };
}

const HOST_IS_ITS_OWN_PROCESS =
  'electron/host/ runs in its own process (one per profile): only the core starts it, through the HostLauncher in electron/core/storage/; import the client (profile-worker-client.ts), never the host.';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const ELECTRON_ONLY_IN_MAIN =
  "Only electron/main/ and electron/preload/ may import 'electron'; this code must run in plain Node tests.";

export default tseslint.config(
  { name: 'enclave/ignores', ignores: ['build/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'enclave/everywhere',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Same convention as tsc's noUnusedParameters: a leading _ marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // tsc reports undefined names in TS better than no-undef can (it knows lib and types).
  { name: 'enclave/ts', files: TS, rules: { 'no-undef': 'off' } },

  // Globals per runtime. shared/ gets none beyond the language's own.
  { name: 'enclave/globals/node', files: ['electron/**', 'bench/**', 'scripts/**', '*.js', '*.mjs', '*.ts'], languageOptions: { globals: globals.node } },
  { name: 'enclave/globals/browser', files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  // Specs run in Node but their page.evaluate callbacks run in the page.
  { name: 'enclave/globals/e2e', files: ['e2e/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },

  boundary(
    'shared',
    ['shared/**'],
    [
      [ban.node, 'shared/ is plain TypeScript that also runs in the renderer: no Node built-ins.'],
      [ban.electron, "shared/ must not import 'electron': it is the contract both sides compile."],
      [ban.react, 'shared/ must not import React: UI code belongs in renderer/.'],
      [ban.electronFolder, 'shared/ must not import from electron/: the dependency points the other way.'],
      [ban.rendererFolder, 'shared/ must not import from renderer/: the dependency points the other way.'],
    ],
    { ignores: ['shared/**/*.test.ts'] },
  ),
  // Tests of shared/ run under node:test, so those two built-ins are fine there.
  boundary('shared-tests', ['shared/**/*.test.ts'], [
    [ban.nodeExceptTestTools, 'shared/ tests may use node:test and node:assert only, so they test what the renderer gets.'],
    [ban.electron, "shared/ must not import 'electron'."],
    [ban.react, 'shared/ must not import React.'],
    [ban.electronFolder, 'shared/ must not import from electron/.'],
    [ban.rendererFolder, 'shared/ must not import from renderer/.'],
  ]),
  {
    name: 'enclave/shared/globals',
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'].map((name) => ({
          name,
          message: 'shared/ has no DOM: take what you need as a parameter, or move the code to renderer/.',
        })),
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'shared/ has no Node globals: take what you need as a parameter, or move the code to electron/core/.',
        })),
      ],
    },
  },

  boundary('renderer', ['renderer/**'], [
    [ban.electron, "The renderer is sandboxed: it reaches the app through window.api, never 'electron'."],
    [ban.node, 'The renderer runs in the browser: no Node built-ins.'],
    [ban.electronFolder, 'The renderer must not import from electron/: use window.api and the types in shared/.'],
  ]),
  {
    name: 'enclave/renderer/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  // A sandboxed preload can require only 'electron'; everything else is bundled by esbuild.
  boundary('preload', ['electron/preload/**'], [
    [ban.node, 'The preload is sandboxed: Node built-ins are not available there at run time.'],
    [ban.nodeSideFolders, 'The preload must not pull in main-process code: share through shared/ instead.'],
  ]),

  boundary('node-side', ['electron/core/**', 'electron/cli/**', 'electron/host/**', 'bench/**'], [[ban.electron, ELECTRON_ONLY_IN_MAIN]]),

  // The profile host: plain Node in a process of its own (forked, or Electron's utilityProcess).
  // It may use shared/ and the core's storage and analytics code, never main-only code.
  resolvedBoundary('host', ['electron/host/**'], [
    { folder: 'electron/main', message: 'The profile host must not import main-process code: it runs in its own process.' },
    { folder: 'electron/cli', message: 'The profile host must not import CLI code: it runs in its own process.' },
    { folder: 'electron/preload', message: 'The profile host must not import the preload.' },
    { folder: 'renderer', message: 'The profile host must not import the renderer.' },
  ]),
  // …and main-only code (and the core they share) must not import the host's code.
  resolvedBoundary('not-the-host', ['electron/main/**', 'electron/cli/**', 'electron/core/**', 'bench/**'], [
    { folder: 'electron/host', message: HOST_IS_ITS_OWN_PROCESS },
  ]),
  boundary('e2e', ['e2e/**'], [[ban.electron, "Specs drive the app from outside: no 'electron' import."]], {
    ignores: ['e2e/electron/**'],
    paths: [
      {
        name: '@playwright/test',
        importNames: ['_electron'],
        message: 'Only specs under e2e/electron/ launch Electron.',
      },
    ],
  }),
  boundary('e2e-electron', ['e2e/electron/**'], [
    [ban.electron, "Launch the app with _electron from '@playwright/test'; do not import 'electron' itself."],
  ]),
);
