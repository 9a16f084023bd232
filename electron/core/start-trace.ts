// ENCLAVE_TRACE=1: where a command's time goes. The CLI and the profile host it forks each
// write `[enclave-trace <pid> <ms>] <step>` lines to stderr at the steps of a start and an
// exit, and of a file import (staged, sniffed, read, committed; the host's arrive through
// the CLI's stderr), `<ms>` on the wall clock shared by both
// processes, so one run shows which process the other waited for. The first step of a
// process is preceded by its `start` (when Node began, before its own bootstrap), and its
// last line is `exit`: the time around our steps is Node's and the module loader's. Off, it
// costs one comparison per step. (`npm run bench -- cli` gives the medians; this says why.)
const on = process.env.ENCLAVE_TRACE === '1';
let started = false;

const line = (ms: number, step: string) => process.stderr.write(`[enclave-trace ${process.pid} ${ms.toFixed(1)}] ${step}\n`);

export function traceStep(step: string): void {
  if (!on) return;
  if (!started) {
    started = true;
    line(performance.timeOrigin, 'start');
    process.on('exit', () => line(performance.timeOrigin + performance.now(), 'exit'));
  }
  line(performance.timeOrigin + performance.now(), step);
}
