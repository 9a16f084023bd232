// How activity log entries read: a sentence per kind, local date and time.
import type { AuditRun } from '../../../shared/activity/audit.js';
import { dateFormat } from '../../format/locale.js';

const dateTime = { format: (d: Date | number) => dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(d) };

/** An ISO instant as the viewer's local date and time. */
export const dateTimeLabel = (iso: string): string => dateTime.format(new Date(iso));

const LOCK_REASONS: Record<string, string> = {
  user: 'Locked',
  idle: 'Locked after inactivity',
  system: 'Locked with the computer',
  quit: 'Locked when Enclave quit',
  switch: 'Locked on switching profile',
  deleted: 'Locked for deletion',
};

/** The line a run of entries shows as: what happened and any detail. */
export function activityLabel(run: AuditRun): { title: string; detail: string | null } {
  const { detail } = run.last;
  switch (run.event) {
    case 'profile created':
      return { title: 'Profile created', detail: null };
    case 'unlocked':
      return { title: 'Unlocked', detail: null };
    case 'unlock failed': {
      if (run.count === 1) return { title: 'Failed unlock attempt', detail: null };
      const [first, last] = [dateTimeLabel(run.first.at), dateTimeLabel(run.last.at)];
      return { title: `${run.count} failed unlock attempts`, detail: `last at ${last}${first === last ? '' : `, first at ${first}`}` };
    }
    case 'locked':
      return { title: LOCK_REASONS[detail ?? ''] ?? 'Locked', detail: null };
    case 'profile renamed':
      return { title: 'Renamed', detail: null };
    case 'password changed':
      return { title: detail === 'removed' ? 'Password removed' : 'Password set', detail: null };
    case 'profile deleted':
      return { title: 'Profile deleted', detail: null };
    case 'table imported':
      return { title: 'Table imported', detail };
    case 'data exported':
      return { title: 'Data exported', detail };
    case 'legacy data migrated':
      return { title: 'Moved in from the shared database', detail };
    case 'profile exported':
      return { title: 'Profile exported to an archive', detail };
    case 'profile restored':
      return { title: 'Restored from an archive', detail };
    case 'damaged files moved aside':
      return { title: 'Damaged files moved aside', detail };
    case 'profile stopped':
      return { title: 'Stopped unexpectedly', detail };
  }
}
