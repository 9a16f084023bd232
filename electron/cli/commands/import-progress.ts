// Progress of `enclave import --source` on standard error, never on standard output (which
// stays the table and row count for scripts): on a terminal one line rewritten in place,
// with --progress to a pipe or file one line a second.
import type { ImportProgress } from '../../../shared/analysis/analytics.js';
import type { EventName } from '../../../shared/contract.js';
import type { CliIo } from '../io.js';

const EVERY_MS = 1000;

export function progressText(p: ImportProgress): string {
  const rows = p.rows.toLocaleString('en-US');
  const of = p.estimatedRows ? ` of about ${p.estimatedRows.toLocaleString('en-US')} (${Math.min(99, Math.floor((p.rows / p.estimatedRows) * 100))}%)` : '';
  return `importing: ${rows} rows${of}, ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** A listener for the core's events that draws `importId`'s progress; `end()` clears a terminal's line. */
export function progressWriter(io: CliIo, importId: string): { listener: (event: EventName, payload: unknown) => void; end(): void } {
  const tty = io.stderrIsTTY === true;
  let last = -Infinity;
  let drawn = false;
  return {
    listener(event, payload) {
      if (event !== 'importProgress') return;
      const p = payload as ImportProgress;
      if (p.importId !== importId || p.phase !== 'reading') return;
      if (!tty && p.elapsedMs - last < EVERY_MS) return;
      last = p.elapsedMs;
      if (tty) {
        io.stderr(`\r${progressText(p)}\x1b[K`);
        drawn = true;
      } else io.stderr(`${progressText(p)}\n`);
    },
    end() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}
