// What a side list (tables, databases, query history) shows until its rows are read: a
// spinner, or the reason the read failed.
import type { AppError } from '../../shared/errors.js';
import panel from './Panel.module.css';
import { Spinner } from './Spinner.js';

interface ListStatusProps {
  state: { status: 'loading' } | { status: 'error'; error: AppError };
  /** The spinner's label: "Loading tables". */
  loading: string;
  /** Put before the error's message: "Tables could not be listed". */
  failed: string;
}

export function ListStatus({ state, loading, failed }: ListStatusProps) {
  return state.status === 'loading' ? (
    <div className={panel.placeholder}>
      <Spinner size={16} label={loading} />
    </div>
  ) : (
    <div className={panel.placeholder} role="alert">
      {failed}: {state.error.message}
    </div>
  );
}
