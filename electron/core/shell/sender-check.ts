// Who may call the bridge: only the top-level page of one of our own windows, showing
// our app:// origin. A subframe, a foreign page or an unknown webContents is refused
// before the core sees the call.
import { fail, type Result } from '../../../shared/errors.js';
import { isAppUrl } from './app-origin.js';

/** The parts of Electron's `WebFrameMain` the decision needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export function checkSender(frame: SenderFrame | null, fromOurWindow: boolean): SenderVerdict {
  if (!fromOurWindow) return { ok: false, reason: 'the call does not come from an Enclave window' };
  // Null once the frame has navigated away or been destroyed: nobody left to answer.
  if (!frame) return { ok: false, reason: 'the calling frame is gone' };
  if (frame.parent !== null) return { ok: false, reason: 'the call comes from a subframe' };
  if (!isAppUrl(frame.url)) return { ok: false, reason: 'the calling page is not the Enclave app' };
  return { ok: true };
}

export const forbidden = (reason: string): Result<never> =>
  fail({ code: 'FORBIDDEN', message: `Refused: ${reason}` });
