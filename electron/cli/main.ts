import { readAll, writeWithBackpressure } from './io.js';
import { runCli } from './cli.js';
import { traceStep } from '../core/start-trace.js';

traceStep('cli: modules loaded');

// A reader that stops early (`enclave query … | head`) breaks the pipe: the write that
// is waiting fails and the command ends; the error must not crash the process first.
process.stdout.on('error', () => undefined);

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (t) => writeWithBackpressure(process.stdout, t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
  readStdin: () => readAll(process.stdin),
});
