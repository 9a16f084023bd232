import { command } from '../command.js';
import { call } from '../session.js';
import { printList } from './listing.js';

const size = (bytes: number | null) =>
  bytes === null ? '-' : bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;

export const tablesCommand = command({
  needsAnalytics: true,
  usage: 'enclave tables --profile NAME [--json]',
  summary: "List the profile's tables and views with row counts, sizes and columns",
  async run({ io, json, unlockProfile }) {
    const tables = await call(await unlockProfile(), 'listTables');
    printList(io, json, tables, 'No tables yet. Import one with: enclave import --profile NAME FILE', ['NAME', 'KIND', 'ROWS', 'SIZE', 'COLUMNS'], (t) => [
      t.schema === 'main' ? t.name : `${t.schema}.${t.name}`,
      t.kind,
      t.rowCount === null ? '-' : String(t.rowCount),
      size(t.bytes),
      t.columns.map((c) => `${c.name} ${c.type}`).join(', '),
    ]);
  },
});
