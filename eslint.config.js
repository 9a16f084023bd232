// Lint keeps the runtimes apart: a file's folder says what it may import (see STYLE.md).
// Not type-aware on purpose: tsc already type-checks both sides, and this stays fast.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { cycleThrough, edgesOf, importGraph, layerViolation, resolveImport } from './scripts/import-graph.mjs';

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
 * The runtimes' allowed directions, checked on the *resolved* path of each relative import
 * (as VS Code's code-layering rule does), so no spelling of the path (`../host/x.js`,
 * `../../electron/host/x.js`) slips past. The table of layers lives in scripts/import-graph.mjs.
 */
const layers = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const root = context.cwd;
    const from = path.relative(root, context.filename).split(path.sep).join('/');
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolveImport(root, from, source);
      const why = layerViolation(from, target);
      if (why) context.report({ node, message: `${why} (imports ${target})` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

/**
 * No import cycles between files (type-only imports count: they tie two files together as
 * much as value imports do). The graph of the files on disk is built once per run; the file
 * being linted contributes its current text, so an editor (and the tests) see a cycle as it
 * is typed.
 */
const graphs = new Map();
const noCycles = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    return {
      'Program:exit'(program) {
        if (!graphs.has(root)) graphs.set(root, importGraph(root));
        const cycle = cycleThrough(graphs.get(root), file, edgesOf(root, file, context.sourceCode.text));
        if (cycle) context.report({ node: program, message: `Import cycle: ${cycle.join(' → ')}. Move what both need into a third file.` });
      },
    };
  },
};

const enclavePlugin = { rules: { layers, 'no-cycles': noCycles } };

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
    ],
    { ignores: ['shared/**/*.test.ts'] },
  ),
  // Tests of shared/ run under node:test, so those two built-ins are fine there.
  boundary('shared-tests', ['shared/**/*.test.ts'], [
    [ban.nodeExceptTestTools, 'shared/ tests may use node:test and node:assert only, so they test what the renderer gets.'],
    [ban.electron, "shared/ must not import 'electron'."],
    [ban.react, 'shared/ must not import React.'],
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

  boundary(
    'renderer',
    ['renderer/**'],
    [
      [ban.electron, "The renderer is sandboxed: it reaches the app through window.api, never 'electron'."],
      [ban.node, 'The renderer runs in the browser: no Node built-ins.'],
    ],
    { ignores: ['renderer/**/*.test.{ts,tsx}'] },
  ),
  // Tests of the renderer's pure modules run under node:test (tsconfig.web-tests.json).
  boundary('renderer-tests', ['renderer/**/*.test.{ts,tsx}'], [
    [ban.nodeExceptTestTools, 'renderer/ tests may use node:test and node:assert only, so they test what the browser runs.'],
    [ban.electron, "The renderer never imports 'electron'."],
  ]),
  {
    name: 'enclave/renderer/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  // A sandboxed preload can require only 'electron'; everything else is bundled by esbuild.
  // Its tests run in Node, outside the bundle.
  boundary(
    'preload',
    ['electron/preload/**'],
    [[ban.node, 'The preload is sandboxed: Node built-ins are not available there at run time.']],
    { ignores: ['electron/preload/**/*.test.ts'] },
  ),

  boundary('node-side', ['electron/core/**', 'electron/cli/**', 'electron/host/**', 'bench/**'], [[ban.electron, ELECTRON_ONLY_IN_MAIN]]),

  // Which runtime may import which (scripts/import-graph.mjs: LAYERS), and no import cycles.
  {
    name: 'enclave/layers',
    files: ['shared/**', 'renderer/**', 'electron/**', 'bench/**'].flatMap((dir) => TS.map((ext) => `${dir}/${ext}`)),
    plugins: { enclave: enclavePlugin },
    rules: { 'enclave/layers': 'error', 'enclave/no-cycles': 'error' },
  },
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
