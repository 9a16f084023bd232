// The entry the shell renders for Analysis. The feature itself (grid, charts, import)
// is a separate chunk, fetched the first time someone opens the section, so it costs
// the initial bundle nothing.
import { lazy, Suspense } from 'react';
import type { MenuCommand } from '../../bridge/useMenuCommand.js';
import { Spinner } from '../../components/Spinner.js';

const AnalysisView = lazy(() => import('./AnalysisView.js'));

/** A menu command for this section; `serial` grows with each one. */
export interface MenuRequest {
  command: MenuCommand;
  serial: number;
}

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
