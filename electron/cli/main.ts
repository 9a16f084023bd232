import { readAll } from './io.js';
import { runCli } from './cli.js';

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readAll(process.stdin),
});
