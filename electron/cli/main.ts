import { traceStep } from '../core/start-trace.js';
import { hostWanted, startHost } from './early-host.js';

traceStep('cli: modules loaded');

// The host is forked before the rest of the CLI loads (early-host.ts says why).
const wanted = hostWanted(process.argv.slice(2));
const host = wanted ? startHost(wanted.analytics) : undefined;

const [{ readAll, writeWithBackpressure }, { runCli }] = await Promise.all([import('./io.js'), import('./cli.js')]);
traceStep('cli: commands loaded');

// A reader that stops early (`enclave query … | head`) breaks the pipe: the write that
// is waiting fails and the command ends; the error must not crash the process first.
process.stdout.on('error', () => undefined);

const code = await runCli(
  {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (t) => writeWithBackpressure(process.stdout, t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin: () => readAll(process.stdin),
  },
  host,
);

// The host has closed its databases and answered (early-host.ts, endedByCloseReply); its
// own exit is not waited for. This process ends once what it wrote has left.
const flushed = (stream: NodeJS.WriteStream) =>
  stream.destroyed ? Promise.resolve() : new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
