// `enclave import --source SOURCE (--source-table T | --sql QUERY) --table T` and
// `enclave import --refresh TABLE`: the database half of `enclave import`.
import { randomUUID } from 'node:crypto';
import type { SourceImportOutcome, SourceSelection } from '../../../shared/sources/sources.js';
import { UsageError } from '../args.js';
import type { CommandContext } from '../command.js';
import { call } from '../session.js';
import { progressWriter } from './import-progress.js';
import { stringFlag } from './listing.js';

/** `schema.table` or `table`; a name with a dot of its own is quoted: `"my.table"`. */
export function sourceTable(text: string): SourceSelection {
  const quoted = /^"((?:[^"]|"")+)"$/.exec(text);
  if (quoted) return { table: quoted[1]!.replace(/""/g, '"') };
  const dot = text.indexOf('.');
  return dot > 0 && dot < text.length - 1 ? { schema: text.slice(0, dot), table: text.slice(dot + 1) } : { table: text };
}

export async function importFromSource({ flags, io, json, unlockProfile, onEvent }: CommandContext): Promise<void> {
  const source = stringFlag(flags, 'source');
  const refresh = stringFlag(flags, 'refresh');
  const table = stringFlag(flags, 'table');
  const sourceTableFlag = stringFlag(flags, 'source-table');
  const sql = stringFlag(flags, 'sql');
  if (flags.has('format') || flags.has('skip-bad-rows')) throw new UsageError('--format and --skip-bad-rows are for files');
  if (refresh !== undefined) {
    if (source !== undefined || table !== undefined || sourceTableFlag !== undefined || sql !== undefined || flags.has('replace') || flags.has('append')) {
      throw new UsageError('--refresh TABLE takes no other import option');
    }
  } else {
    if ((sourceTableFlag === undefined) === (sql === undefined)) throw new UsageError('--source needs one of --source-table T or --sql QUERY');
    if (table === undefined) throw new UsageError('--source needs --table T (the table to import into)');
    if (flags.has('replace') && flags.has('append')) throw new UsageError('--replace and --append exclude each other');
  }
  const e = await unlockProfile();
  // Progress goes to a terminal's standard error, or anywhere with --progress.
  const importId = randomUUID();
  const progress = flags.has('progress') || io.stderrIsTTY === true ? progressWriter(io, importId) : null;
  const stop = progress ? onEvent(progress.listener) : () => undefined;
  let outcome: SourceImportOutcome;
  try {
    outcome =
      refresh !== undefined
        ? await call(e, 'refreshTable', { table: refresh, importId })
        : await call(e, 'importFromSource', {
            source: source!,
            from: sql !== undefined ? { sql } : sourceTable(sourceTableFlag!),
            table: table!,
            onConflict: flags.has('replace') ? 'replace' : flags.has('append') ? 'append' : 'error',
            importId,
          });
  } finally {
    stop();
    progress?.end();
  }
  if (json) {
    io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    return;
  }
  io.stdout(`${outcome.table}\t${outcome.rows}\n`);
  for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
}
