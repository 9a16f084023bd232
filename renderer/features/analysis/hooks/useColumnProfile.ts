// Statistics of one column, computed on demand (one column per call keeps tables with
// hundreds of columns responsive).
import { useEffect, useState } from 'react';
import type { ColumnProfile } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { callAnalytics } from '../analytics-api.js';

export interface ColumnRef {
  schema: string;
  table: string;
  column: string;
}

export type ColumnProfileState =
  | { status: 'loading'; key: string }
  | { status: 'error'; key: string; error: AppError }
  | { status: 'ready'; key: string; profile: ColumnProfile };

const keyOf = (ref: ColumnRef) => `${ref.schema}.${ref.table}.${ref.column}`;

export function useColumnProfile(ref: ColumnRef): ColumnProfileState {
  const key = keyOf(ref);
  const [state, setState] = useState<ColumnProfileState>({ status: 'loading', key });
  const { schema, table, column } = ref;

  useEffect(() => {
    let cancelled = false;
    void callAnalytics('profileColumn', { schema, table, column }).then((result) => {
      if (cancelled) return;
      setState(
        result.ok
          ? { status: 'ready', key, profile: result.value }
          : { status: 'error', key, error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [key, schema, table, column]);

  // A stale answer for the previous column reads as loading, not as this column's stats.
  return state.key === key ? state : { status: 'loading', key };
}
