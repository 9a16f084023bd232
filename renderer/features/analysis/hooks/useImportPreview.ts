// The preview of a file as it would be imported with the current options. Options
// change often while someone tunes them, so requests are debounced and a stale answer
// never replaces a newer one.
import { useEffect, useState } from 'react';
import type { ImportPreview } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { callAnalytics, type ImportOptionsInput } from '../analytics-api.js';

export type PreviewState =
  | { status: 'loading'; last: ImportPreview | null }
  | { status: 'error'; error: AppError; last: ImportPreview | null }
  | { status: 'ready'; preview: ImportPreview };

const DEBOUNCE_MS = 250;

/** `file`: the token main granted; a preview does not use it up. */
export function useImportPreview(file: string, options: ImportOptionsInput): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading', last: null });
  const key = JSON.stringify(options);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      setState((prev) => ({ status: 'loading', last: prev.status === 'ready' ? prev.preview : prev.last }));
      void callAnalytics('previewImport', { file, options: JSON.parse(key) as ImportOptionsInput }).then((result) => {
        if (cancelled) return;
        setState((prev) =>
          result.ok
            ? { status: 'ready', preview: result.value }
            : { status: 'error', error: result.error, last: prev.status === 'ready' ? prev.preview : prev.last },
        );
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [file, key]);

  return state;
}
