import path from 'node:path';
import { EXPORT_FORMATS, isExportFormat } from '../../../shared/analysis/analytics.js';
import { UsageError } from '../args.js';
import { command } from '../command.js';
import { call, grantPath } from '../session.js';
import { stringFlag } from './listing.js';

export const exportCommand = command({
  needsAnalytics: true,
  usage: 'enclave export --profile NAME (--table T | --sql SQL) --out FILE [--format csv|parquet|json]',
  summary: 'Write a table or a query result to a CSV or Parquet file',
  details: 'Exactly one of --table T or --sql SQL; --out FILE is required; --format defaults from the extension (.parquet, else csv).',
  async run({ flags, io, json, unlockProfile }) {
    const table = stringFlag(flags, 'table');
    const sql = stringFlag(flags, 'sql');
    const out = stringFlag(flags, 'out');
    if ((table === undefined) === (sql === undefined)) throw new UsageError('give exactly one of --table or --sql');
    if (out === undefined) throw new UsageError('--out FILE is required');
    const format = stringFlag(flags, 'format') ?? (/\.parquet$/i.test(out) ? 'parquet' : 'csv');
    if (!isExportFormat(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(' or ')}`);
    const e = await unlockProfile();
    const { rows, bytes } = await call(e, 'exportData', {
      source: table !== undefined ? { table } : { sql: sql! },
      format,
      file: grantPath(e, 'write', out),
    });
    const written = path.resolve(out);
    io.stdout(json ? `${JSON.stringify({ path: written, rows, bytes }, null, 2)}\n` : `${written}\t${rows}\n`);
  },
});
