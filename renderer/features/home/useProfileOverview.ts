// Counts read from the unlocked profile's own databases, read again whenever any window
// of the profile changes a task, note or event (so a count never lags behind a dialog).
import type { ProfileOverview } from '../../../shared/profiles/profiles.js';
import { callBridge } from '../../bridge/bridge.js';
import { useLiveRead, type LiveState } from '../../bridge/useLiveRead.js';

export type OverviewState = LiveState<ProfileOverview>;

const readOverview = () => callBridge((api) => api.profileOverview());

export const useProfileOverview = (): OverviewState => useLiveRead(readOverview);
