import { IMPORT_FORMATS, type ImportFormat, type ImportOutcome, type RejectSummary } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import { UsageError } from '../args.js';
import { command } from '../command.js';
import { call, grantPath } from '../session.js';
import { importFromSource } from './import-from-source.js';
import { stringFlag } from './listing.js';

export const describeRejects = (r: RejectSummary) => {
  const kinds = Object.entries(r.byType).map(([k, n]) => `${k}: ${n}`).join(', ');
  const first = r.samples[0];
  return `${r.rows} row(s) rejected (${kinds})${first ? `; first at line ${first.line ?? '?'}: ${first.message}` : ''}`;
};

export const importCommand = command({
  needsAnalytics: true,
  usage: [
    'enclave import --profile NAME FILE [--table T] [--format csv|tsv|parquet|json|ndjson] [--replace|--append] [--skip-bad-rows]',
    '       enclave import --profile NAME --source SOURCE (--source-table T | --sql QUERY) --table T [--replace|--append] [--progress]',
    '       enclave import --profile NAME --refresh TABLE [--progress]',
  ].join('\n'),
  summary: 'Import a CSV, TSV, Parquet or JSON file, or a table or query of a saved source, into a table; prints the table and row count',
  details:
    'Types, delimiter, header and quoting are detected. When the table exists the import gets a new name,\n' +
    'unless --replace or --append. Rows that do not fit fail the import (nothing is imported) unless --skip-bad-rows.\n' +
    'From a source (enclave source add): a table (schema.table) or a query in the source\'s SQL; an existing --table\n' +
    'fails unless --replace or --append. --refresh imports a table again from the source it came from, atomically.\n' +
    'Progress (rows so far) goes to standard error when it is a terminal, or with --progress; standard output stays the result.',
  async run(ctx) {
    const { args, flags, io, json, unlockProfile } = ctx;
    if (flags.has('source') || flags.has('refresh')) {
      if (args.FILE !== undefined) throw new UsageError('give either FILE or --source/--refresh, not both');
      return importFromSource(ctx);
    }
    if (flags.has('source-table') || flags.has('sql') || flags.has('progress')) throw new UsageError('--source-table, --sql and --progress need --source SOURCE (or --refresh)');
    if (args.FILE === undefined) throw new UsageError(`expected FILE (or --source SOURCE, or --refresh TABLE)`);
    const format = stringFlag(flags, 'format');
    if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
    if (flags.has('replace') && flags.has('append')) throw new UsageError('--replace and --append exclude each other');
    const table = stringFlag(flags, 'table');
    const e = await unlockProfile();
    const outcome: ImportOutcome = await call(e, 'startImport', {
      file: grantPath(e, 'read', args.FILE!),
      ...(table !== undefined ? { table } : {}),
      ...(format !== undefined ? { options: { format: format as ImportFormat } } : {}),
      onConflict: flags.has('replace') ? 'replace' : flags.has('append') ? 'append' : 'rename',
      badRows: flags.has('skip-bad-rows') ? 'skip' : 'abort',
    });
    if (outcome.status === 'rejected') {
      throw new AppException('INVALID_INPUT', `nothing imported: ${describeRejects(outcome.rejected)} (use --skip-bad-rows to import the others)`);
    }
    if (json) {
      io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
      return;
    }
    io.stdout(`${outcome.table}\t${outcome.rows}\n`);
    if (outcome.rejected) io.stderr(`warning: ${describeRejects(outcome.rejected)}\n`);
  },
});
