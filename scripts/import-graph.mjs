// The import graph of the TypeScript sources, on *resolved* paths: which file each relative
// import lands on, whatever its spelling (`./x.js`, `../storage/x.js`, `./x`). Used by the
// runtime-layer lint rule (eslint.config.js), the no-cycle check and their tests
// (scripts/import-graph.test.mjs). Bare specifiers (packages, node:*) are not edges here:
// eslint.config.js bans those per folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIP_DIRS = new Set(['node_modules', 'build', 'dist', 'test-results', 'playwright-report', '.git']);

/**
 * The runtimes, one folder each, and which others each may import (besides itself).
 * `core` is plain Node that main, the CLI and the profile host all use; it imports none of them.
 * Main reaches a profile's databases only through the core's thin client
 * (storage/profile-worker-client.ts), never the host's code. Order matters: first match wins.
 */
export const LAYERS = [
  { name: 'shared', folder: 'shared', may: [] },
  { name: 'renderer', folder: 'renderer', may: ['shared'] },
  { name: 'preload', folder: 'electron/preload', may: ['shared'] },
  { name: 'core', folder: 'electron/core', may: ['shared'] },
  { name: 'host', folder: 'electron/host', may: ['core', 'shared'] },
  { name: 'cli', folder: 'electron/cli', may: ['core', 'shared'] },
  { name: 'main', folder: 'electron/main', may: ['core', 'shared'] },
  // Benches are not packaged: they may use test kits (a seeded generator, say).
  { name: 'bench', folder: 'bench', may: ['core', 'shared'], shipped: false },
];

const WHY = {
  shared: 'shared/ is the contract both sides compile: it imports nothing else of ours',
  renderer: 'the renderer is sandboxed: it imports only shared/ and reaches the app through window.api',
  preload: 'the preload is sandboxed and bundled alone: it imports only shared/',
  core: 'electron/core/ is the plain-Node library main, the CLI and the host share: it imports none of them (tests included: a test that needs a feature\'s repository lives beside it in electron/host/<feature>/)',
  host: 'the profile host runs in its own process: it imports shared/ and the core, never main, CLI, preload or renderer code',
  cli: 'the CLI runs without Electron: it imports shared/ and the core, never main, host (bar the legacy import\'s use of repositories, CLI_LEGACY_IMPORT), preload or renderer code',
  main: 'main reaches a profile only through the core (storage/profile-worker-client.ts), never the host; never the CLI, preload or renderer',
  bench: 'benches drive the core like the CLI does',
};

/**
 * The core's main-only code: it runs in main (and the CLI's process), never in a profile
 * host, which gets what it needs in its calls. Folders, or single modules without extension.
 */
export const MAIN_ONLY_CORE = [
  'electron/core/router',
  'electron/core/sessions',
  'electron/core/profiles',
  'electron/core/registry',
  'electron/core/keychain',
  'electron/core/auth',
  'electron/core/shell',
  'electron/core/enclave',
  'electron/core/dialogs',
  'electron/core/files/file-grants',
  'electron/core/files/grant-file',
  'electron/core/backup/backups',
  'electron/core/backup/recovery',
  'electron/core/analytics/import-source',
  'electron/core/storage/profile-worker-client',
  'electron/core/storage/host-channel',
  'electron/core/storage/fork-launcher',
  'electron/core/storage/spare-host',
];
const isMainOnly = (file) => {
  const module = file.replace(/\.(m|c)?(j|t)sx?$/, '');
  return MAIN_ONLY_CORE.some((p) => module === p || file.startsWith(`${p}/`));
};

/**
 * The one CLI code that writes a profile's data.sqlite itself: `enclave migrate-legacy` fills a
 * brand-new profile before any host of it runs, through the host's own repositories (so search
 * indexes, positions and tags come out as the app writes them). It may import a feature's
 * `*-repository.ts` in electron/host/ and nothing else of the host.
 */
export const CLI_LEGACY_IMPORT = 'electron/cli/legacy';
const isLegacyRepositoryUse = (from, to) =>
  from.startsWith(`${CLI_LEGACY_IMPORT}/`) && /^electron\/host\/[^/]+\/[a-z-]+-repository\.ts$/.test(to);

/** 'a/b/c.ts' (repository-relative, forward slashes) → its layer, or undefined outside all layers. */
export function layerOf(file) {
  return LAYERS.find(({ folder }) => file === folder || file.startsWith(`${folder}/`));
}

/** A test, or a test kit: a `*.test.*` file, or any file in a `testing/` folder. */
export const isTestCode = (file) => /\.test\.[cm]?[jt]sx?$/.test(file) || /(^|\/)testing\//.test(file);

/** Why `from` may not import `to` (both repository-relative), or undefined when it may. */
export function layerViolation(from, to) {
  // Test kits live in testing/ folders, which are never packaged: shipped code that
  // imported one would fail at run time in the package.
  if (isTestCode(to) && !isTestCode(from) && layerOf(from) && layerOf(from).shipped !== false) {
    return `${from} is shipped code: it must not import a test or test kit (${to}); kits live in testing/ folders, which are not packaged`;
  }
  const a = layerOf(from);
  const b = layerOf(to);
  // A host test may start a host through main's thin client: tests run in the test runner,
  // never inside a profile's host, so the main-only rule is about the host's shipped code.
  if (a?.name === 'host' && b?.name === 'core' && isMainOnly(to) && !isTestCode(from)) {
    return `electron/host/ must not import ${to}: it is the core's main-only code (router, sessions, registry, file grants, the host's client…); the host gets what it needs in its calls`;
  }
  if (a?.name === 'cli' && b?.name === 'host' && isLegacyRepositoryUse(from, to)) return undefined;
  if (!a || !b || a === b || a.may.includes(b.name)) return undefined;
  return `${a.folder}/ must not import ${b.folder}/: ${WHY[a.name]}`;
}

const toPosix = (p) => p.split(path.sep).join('/');

/** The file a relative specifier resolves to (repository-relative), trying TS's .js→.ts mapping. */
export function resolveImport(root, fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  // The importing file itself may exist only in an editor buffer (or a test's lintText).
  const self = fromFile.replace(/\.(m|c)?tsx?$/, '');
  const spelled = toPosix(path.relative(root, path.resolve(root, path.dirname(fromFile), specifier))).replace(/\.(m|c)?(j|t)sx?$/, '');
  if (spelled === self) return fromFile;
  const base = path.resolve(root, path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return toPosix(path.relative(root, hit ?? base));
}

/**
 * Relative imports of a source text: static imports, re-exports and import(), each with
 * whether it is type-only (`import type`, or every name marked `type`): tsc erases those.
 */
export function importsOf(text) {
  const file = ts.createSourceFile('x.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found = [];
  const add = (node, typeOnly) => {
    if (node && ts.isStringLiteral(node) && node.text.startsWith('.')) found.push({ specifier: node.text, typeOnly });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allNamedTypes = named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, Boolean(clause && (clause.isTypeOnly || (!clause.name && allNamedTypes))));
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause;
      const allNamedTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, Boolean(node.isTypeOnly || allNamedTypes));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function listSources(root, dir, out) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) listSources(root, rel, out);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The source files `file` (with this text) imports, resolved, as graph edges. */
export function edgesOf(root, file, text) {
  const targets = importsOf(text)
    .map(({ specifier }) => resolveImport(root, file, specifier))
    .filter((target) => SOURCE.test(target));
  return [...new Set(targets)];
}

/** Map of source file → the source files it imports (resolved, repository-relative). */
export function importGraph(root, folders = ['shared', 'electron', 'renderer', 'bench', 'e2e']) {
  const files = folders.filter((f) => existsSync(path.join(root, f))).flatMap((f) => listSources(root, f, []));
  const graph = new Map();
  for (const file of files) {
    graph.set(file, edgesOf(root, file, readFileSync(path.join(root, file), 'utf8')));
  }
  return graph;
}

/**
 * Every import cycle, one per strongly connected component (Tarjan), each as the files of
 * one closed path through it: ['a.ts', 'b.ts', 'a.ts'].
 */
export function findCycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const strongConnect = (v) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) strongConnect(v);
  return components.map((component) => closedPath(graph, new Set(component)));
}

/** A closed path through one strongly connected component, starting at its first file by name. */
function closedPath(graph, members) {
  const start = [...members].sort()[0];
  // Inside the component: the shortest cycle through its first file.
  return shortestCycle(start, (v) => (graph.get(v) ?? []).filter((w) => members.has(w))) ?? [start, start];
}

/** The shortest cycle from `start` back to it along `edges(v)`, as [start, …, start], or undefined: breadth-first. */
function shortestCycle(start, edges) {
  const previous = new Map();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of edges(v)) {
      if (w === start) {
        const cycle = [v];
        for (let u = v; u !== start; ) cycle.unshift((u = previous.get(u)));
        return [...cycle, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/** Files reachable from `entry` by imports (entry included). */
export function importClosure(graph, entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const w of graph.get(queue.shift()) ?? []) {
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return seen;
}

/**
 * A cycle through `file` when it imports `targets` (its edges in `graph` are replaced by
 * these), as ['file', …, 'file'], or undefined. The shortest one, found breadth-first.
 */
export function cycleThrough(graph, file, targets) {
  return shortestCycle(file, (v) => (v === file ? targets : (graph.get(v) ?? [])));
}
