// ENCLAVE_TRACE=1: where a command's time goes. The CLI and the profile host it forks each
// write `[enclave-trace <pid> <ms>] <step>` lines to stderr at the steps of a start and an
// exit (the host's arrive through the CLI's stderr), `<ms>` on the wall clock shared by both
// processes, so one run shows which process the other waited for. Off, it costs one
// comparison per step. (`npm run bench -- cli` gives the medians; this says why.)
const on = process.env.ENCLAVE_TRACE === '1';

export function traceStep(step: string): void {
  if (on) process.stderr.write(`[enclave-trace ${process.pid} ${(performance.timeOrigin + performance.now()).toFixed(1)}] ${step}\n`);
}
