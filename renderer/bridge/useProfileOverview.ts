// Counts read from the unlocked profile's own databases, read again whenever any window
// of the profile changes a task, note or event (so a count never lags behind a dialog).
import type { ProfileOverview } from '../../shared/profiles/profiles.js';
import { callBridge } from './bridge.js';
import { useLiveRead, type LiveState } from './useLiveRead.js';

export type OverviewState = LiveState<ProfileOverview>;

const readOverview = () => callBridge((api) => api.profileOverview());

export const useProfileOverview = (): OverviewState => useLiveRead(readOverview);
