import type { Command } from '../command.js';
import { formatTable } from '../io.js';
import { call } from '../session.js';

const size = (bytes: number | null) =>
  bytes === null ? '-' : bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;

export const tablesCommand: Command = {
  path: ['tables'],
  needsAnalytics: true,
  usage: 'enclave tables --profile NAME [--json]',
  summary: "List the profile's tables and views with row counts, sizes and columns",
  positionals: [],
  flags: {},
  async run({ io, json, unlockProfile }) {
    const tables = await call(await unlockProfile(), 'listTables');
    if (json) {
      io.stdout(`${JSON.stringify(tables, null, 2)}\n`);
      return;
    }
    if (tables.length === 0) {
      io.stdout('No tables yet. Import one with: enclave import --profile NAME FILE\n');
      return;
    }
    io.stdout(
      formatTable(
        ['NAME', 'KIND', 'ROWS', 'SIZE', 'COLUMNS'],
        tables.map((t) => [
          t.schema === 'main' ? t.name : `${t.schema}.${t.name}`,
          t.kind,
          t.rowCount === null ? '-' : String(t.rowCount),
          size(t.bytes),
          t.columns.map((c) => `${c.name} ${c.type}`).join(', '),
        ]),
      ),
    );
  },
};
