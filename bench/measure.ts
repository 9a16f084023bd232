// Timing and reporting shared by the bench modules.
import os from 'node:os';

export interface Stats {
  median: number;
  p95: number;
  n: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** Runs `fn` `warmup` times untimed, then `n` times timed; `fn` gets the iteration number. */
export async function time(n: number, fn: (i: number) => Promise<unknown>, warmup = 10): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

export interface Target {
  median?: number;
  p95?: number;
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;

export function meets(s: Stats, target: Target): boolean {
  return (target.median === undefined || s.median <= target.median) && (target.p95 === undefined || s.p95 <= target.p95);
}

/** One line: `name  median … p95 …  (target …)  OK|MISSED`; a miss makes the bench exit non-zero. */
export function report(name: string, s: Stats, target: Target, width = 44): void {
  const goal = [target.median !== undefined ? `median ≤ ${target.median} ms` : '', target.p95 !== undefined ? `p95 ≤ ${target.p95} ms` : '']
    .filter(Boolean)
    .join(', ');
  const ok = meets(s, target);
  if (!ok) process.exitCode = 1;
  console.log(
    `${name.padEnd(width)} median ${ms(s.median).padStart(8)}  p95 ${ms(s.p95).padStart(8)}  ${goal ? `(target ${goal})  ${ok ? 'OK' : 'MISSED'}` : ''}`,
  );
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The load averages (1, 5, 15 min): other processes skew every figure, so each report says them. */
export const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
/** The line a bench's report starts with. */
export const machineLine = () => `machine: ${os.availableParallelism()} cores, ${mib(os.totalmem())} RAM, load average ${loadAverage()}`;

const cell = (s: Stats) => `median ${ms(s.median).padStart(8)}  p95 ${ms(s.p95).padStart(8)}`;

/** One figure measured twice, printed side by side; OK only when both meet the target. */
export function reportSideBySide(name: string, idle: Stats, busy: Stats, target: Target, width = 40): void {
  const goal = [target.median !== undefined ? `median ≤ ${target.median} ms` : '', target.p95 !== undefined ? `p95 ≤ ${target.p95} ms` : '']
    .filter(Boolean)
    .join(', ');
  const ok = meets(idle, target) && meets(busy, target);
  if (!ok && goal) process.exitCode = 1;
  console.log(`${name.padEnd(width)} ${cell(idle)}   |  ${cell(busy)}   ${goal ? `(target ${goal})  ${ok ? 'OK' : 'MISSED'}` : ''}`);
}

export const sideBySideHeader = (left: string, right: string, width = 40) =>
  console.log(`${''.padEnd(width)} ${left.padEnd(30)}   |  ${right}`);
