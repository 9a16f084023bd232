// The entry the shell renders for Analysis. The feature itself (grid, charts, import)
// is a separate chunk, fetched the first time someone opens the section, so it costs
// the initial bundle nothing.
import { lazy, Suspense } from 'react';
import { Spinner } from '../../components/Spinner.js';
import type { MenuRequest } from './menu-request.js';

const AnalysisView = lazy(() => import('./AnalysisView.js'));

export type { MenuRequest } from './menu-request.js';

export function AnalysisSection({ request }: { request: MenuRequest | null }) {
  return (
    <Suspense
      fallback={
        <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
          <Spinner size={20} label="Opening Analysis" />
        </div>
      }
    >
      <AnalysisView request={request} />
    </Suspense>
  );
}
