// Bundles the two entries whose start-up time people feel — the `enclave` command and the
// profile host process — each into a few files in build/bundle/, from the compiled JS in
// build/ (so it runs after tsc, and scripts/mutation-check.mjs re-runs it after planting a
// bug in a compiled module). Node then reads and links a handful of files instead of
// several hundred: ESM resolution, and cjs-module-lexer pre-parsing every CommonJS module
// an ES module imports (most of @duckdb/node-api's 600 ms start), were most of a command's
// time (README, "The CLI answers fast").
//
//   node scripts/bundle-entries.mjs [ROOT]     ROOT: the checkout (default: this one)
//
// What stays a real `require` of node_modules: the native addons (better-sqlite3 finds its
// .node file through its own path, keytar, DuckDB's bindings load libduckdb from beside
// themselves) and the database clients the host loads only for a source import (pg and
// mysql2 carry optional requires esbuild cannot resolve). Code split at every dynamic
// import() stays lazy: DuckDB's modules load only for an analytics call.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Output name → compiled entry (relative to build/). The host's name is APP_ENTRIES.profileHost's. */
const ENTRIES = {
  enclave: 'electron/cli/main.js',
  'profile-host': 'electron/host/profile-host.js',
};

/** Packages loaded with Node's own require at run time (see above). */
const REQUIRED_AT_RUN_TIME = ['better-sqlite3', 'keytar', '@duckdb/node-bindings', 'pg', 'mysql2', 'electron'];

/**
 * Two rewrites of our compiled modules, each keeping what the code means:
 * - Our modules find files relative to themselves (`new URL('../../../native/…',
 *   import.meta.url)`, the host's entry, package.json). In a bundle `import.meta.url` is the
 *   bundle's, so each module gets its own original location back, relative to the bundle
 *   (which stays valid wherever build/ is copied, app.asar included).
 * - `import { z } from 'zod'` hands esbuild zod's namespace as one value, so all of zod
 *   (its 40 locales included: 580 KB) would load with the contract; as `import * as z`
 *   the same namespace shakes down to the schemas we use.
 */
const ZOD_NAMED_Z = /^import \{ z \} from 'zod';$/gm;
const ourModules = (BUILD, OUT_DIR) => ({
  name: 'our-modules',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(BUILD + path.sep)) return undefined;
      let text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url') && !text.includes("import { z } from 'zod';")) return undefined;
      const relative = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`);
      text = text.replace(ZOD_NAMED_Z, "import * as z from 'zod';");
      return { contents: text, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
});

/**
 * `import x from 'better-sqlite3'` would make Node pre-parse the package's CommonJS for
 * named exports; a plain require (what the import amounts to) skips that.
 */
const requireAtRunTime = {
  name: 'require-at-run-time',
  setup(build) {
    const filter = new RegExp(`^(${REQUIRED_AT_RUN_TIME.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.kind === 'require-call' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-at-run-time' },
    );
    build.onLoad({ filter: /.*/, namespace: 'require-at-run-time' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Bundles ROOT/build's entries into ROOT/build/bundle (replacing what was there). */
export async function bundleEntries(ROOT = HERE) {
  const BUILD = path.join(ROOT, 'build');
  const OUT_DIR = path.join(BUILD, 'bundle');
  const esbuild = await import(pathToFileURL(createRequire(path.join(ROOT, 'package.json')).resolve('esbuild')).href);
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  // One build per entry: built together, the code the two entries share was split into
  // chunks of its own, so each process loaded 10 to 20 small files before its first line
  // ran (Node's ESM loader pays per file: resolve, read, link). Alone, an entry's static
  // graph is a handful of files; only its dynamic imports (DuckDB…) stay separate, and lazy.
  // Shared chunks of the two builds cannot clash: a chunk's name carries its content hash.
  await Promise.all(Object.entries(ENTRIES).map(([name, entry]) => buildEntry(esbuild, BUILD, OUT_DIR, ROOT, name, entry)));
  return `→ ${path.relative(ROOT, OUT_DIR)}`;
}

function buildEntry(esbuild, BUILD, OUT_DIR, ROOT, name, entry) {
  return esbuild.build({
    entryPoints: { [name]: path.join(BUILD, entry) },
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Less text to parse at every start (names stay, so stack traces read as they did).
    minifyWhitespace: true,
    minifySyntax: true,
    // Chunks sit beside the entries: ourModules' paths are relative to this one folder.
    chunkNames: '[name]-[hash]',
    // The compiled modules' source maps are read in, so stack traces still name the .ts lines.
    sourcemap: 'linked',
    // The bundled CommonJS (DuckDB's node-api, rrule) calls require.
    banner: { js: "import { createRequire as __enclaveCreateRequire } from 'node:module'; const require = __enclaveCreateRequire(import.meta.url);" },
    plugins: [requireAtRunTime, ourModules(BUILD, OUT_DIR)],
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`bundle-entries: ${await bundleEntries(path.resolve(process.argv[2] ?? HERE))}`);
}
