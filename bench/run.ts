// `npm run bench`: runs every bench module in bench/ (or those named on the command
// line), each exporting run(). A module prints one line per figure with its target
// and sets a non-zero exit code when one is missed.
const benches: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  'tasks-notes-events': () => import('./tasks-notes-events.js'),
  analytics: () => import('./analytics-bench.js'),
  'import-1gb': () => import('./import-1gb.js'),
  backup: () => import('./backup-bench.js'),
  'analytics-page': async () => ({ run: (await import('./analytics-bench.js')).runPage }),
  'analytics-preview': () => import('./wide-preview.js'),
  cli: async () => ({ run: (await import('./cli-bench.js')).runCli }),
  isolation: () => import('./isolation-bench.js'),
  sources: () => import('./sources-bench.js'),
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in benches)) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
}
// Figures that a wider module also prints run only when named.
const onlyWhenNamed = new Set(['analytics-page', 'analytics-preview', 'cli', 'isolation']);
for (const [name, load] of Object.entries(benches)) {
  if (wanted.length ? !wanted.includes(name) : onlyWhenNamed.has(name)) continue;
  console.log(`\n== ${name}`);
  await (await load()).run();
}
