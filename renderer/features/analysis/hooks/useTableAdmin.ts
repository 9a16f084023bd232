// Renaming and dropping a table from the sidebar. The app writes the statement (the
// name quoted, never typed SQL) and runs it like any query: the statement policy checks
// it, and the history keeps a record of what was done.
import { useCallback } from 'react';
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import type { Result } from '../../../../shared/errors.js';
import { callAnalytics } from '../analytics-api.js';
import { quoteIdent } from '../table-name.js';

const qualified = (t: TableInfo) => (t.schema === 'main' ? quoteIdent(t.name) : `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
const kindWord = (t: TableInfo) => (t.kind === 'view' ? 'VIEW' : 'TABLE');

async function runStatement(sql: string): Promise<Result<null>> {
  const outcome = await callAnalytics('runQuery', { sql, pageSize: 0 });
  if (!outcome.ok) return outcome;
  await callAnalytics('closeResult', { resultId: outcome.value.resultId });
  return { ok: true, value: null };
}

export function useTableAdmin(afterChange: () => Promise<void> | void) {
  const rename = useCallback(
    async (table: TableInfo, to: string) => {
      const done = await runStatement(`ALTER ${kindWord(table)} ${qualified(table)} RENAME TO ${quoteIdent(to)}`);
      if (done.ok) await afterChange();
      return done;
    },
    [afterChange],
  );
  const drop = useCallback(
    async (table: TableInfo) => {
      const done = await runStatement(`DROP ${kindWord(table)} ${qualified(table)}`);
      if (done.ok) await afterChange();
      return done;
    },
    [afterChange],
  );
  return { rename, drop };
}

/** `DESCRIBE` of a table, for the editor (shown as a result like any query). */
export const describeSql = (t: TableInfo) => `DESCRIBE ${t.schema === 'main' ? '' : `${quoteIdent(t.schema)}.`}${/^[a-z_][a-z0-9_]*$/.test(t.name) ? t.name : quoteIdent(t.name)}`;
