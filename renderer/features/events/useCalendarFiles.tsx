// Import an .ics file into the profile's events, or export them all as one: the file is
// chosen in a native dialog (main hands the window a token, never a path).
import { useState, type ReactNode } from 'react';
import { callBridge } from '../../bridge/bridge.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { formatNumber } from '../../format/locale.js';

type Outcome = { tone: 'info' | 'danger'; title: string; detail?: string };

/** The toolbar's Import and Export buttons, and the banner saying how it went (shown below the toolbar). */
export function useCalendarFiles(): { buttons: ReactNode; banner: ReactNode } {
  const [pending, setPending] = useState<'import' | 'export' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importIcs = async () => {
    setOutcome(null);
    const chosen = await callBridge((api) => api.chooseCalendarFile());
    if (!chosen.ok) return setOutcome({ tone: 'danger', title: 'The file could not be opened', detail: chosen.error.message });
    if (!chosen.value) return;
    setPending('import');
    const result = await callBridge((api) => api.importEvents({ file: chosen.value!.token }));
    setPending(null);
    if (!result.ok) return setOutcome({ tone: 'danger', title: `${chosen.value.name} could not be imported`, detail: result.error.message });
    const { added, skipped } = result.value;
    setOutcome({
      tone: 'info',
      title: `Imported ${formatNumber(added)} event${added === 1 ? '' : 's'} from ${chosen.value.name}`,
      ...(skipped.length > 0 ? { detail: `Skipped ${formatNumber(skipped.length)}: ${skipped.map((s) => s.reason).slice(0, 3).join('; ')}${skipped.length > 3 ? '…' : ''}` } : {}),
    });
  };

  const exportIcs = async () => {
    setOutcome(null);
    const chosen = await callBridge((api) => api.chooseCalendarExportPath({ suggestedName: 'calendar.ics' }));
    if (!chosen.ok) return setOutcome({ tone: 'danger', title: 'The file could not be chosen', detail: chosen.error.message });
    if (!chosen.value) return;
    setPending('export');
    const result = await callBridge((api) => api.exportEvents({ file: chosen.value!.token }));
    setPending(null);
    if (!result.ok) return setOutcome({ tone: 'danger', title: 'The calendar could not be exported', detail: result.error.message });
    setOutcome({ tone: 'info', title: `Exported ${formatNumber(result.value.events)} event${result.value.events === 1 ? '' : 's'} to ${chosen.value.name}` });
  };

  const buttons = (
    <>
      <Button size="small" variant="ghost" onClick={() => void importIcs()} pending={pending === 'import'} data-testid="events-import">
        Import .ics…
      </Button>
      <Button size="small" variant="ghost" onClick={() => void exportIcs()} pending={pending === 'export'} data-testid="events-export">
        Export .ics…
      </Button>
    </>
  );
  const banner = outcome && (
    <Banner tone={outcome.tone} icon={outcome.tone === 'danger' ? 'alert' : 'check'} title={outcome.title} onDismiss={() => setOutcome(null)} testId="events-file-outcome">
      {outcome.detail}
    </Banner>
  );
  return { buttons, banner };
}
