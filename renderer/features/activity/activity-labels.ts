// How activity log entries read: a sentence per kind, local date and time.
import type { AuditEvent, AuditRun } from '../../../shared/activity/audit.js';
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

/** Kinds whose title depends on the entry itself. */
type WordedEvent = 'unlock failed' | 'locked' | 'password changed';

/**
 * The title of every other kind, and whether its detail (the table, the file, the archive) is
 * worth a line: for the profile's own steps it is not.
 */
const TITLES: Record<Exclude<AuditEvent, WordedEvent>, readonly [title: string, withDetail: boolean]> = {
  'profile created': ['Profile created', false],
  unlocked: ['Unlocked', false],
  'profile renamed': ['Renamed', false],
  'profile deleted': ['Profile deleted', false],
  'table imported': ['Table imported', true],
  'data exported': ['Data exported', true],
  'legacy data migrated': ['Moved in from the shared database', true],
  'profile exported': ['Profile exported to an archive', true],
  'profile restored': ['Restored from an archive', true],
  'damaged files moved aside': ['Damaged files moved aside', true],
  'profile stopped': ['Stopped unexpectedly', true],
};

/** The line a run of entries shows as: what happened and any detail. */
export function activityLabel(run: AuditRun): { title: string; detail: string | null } {
  const { detail } = run.last;
  switch (run.event) {
    case 'unlock failed': {
      if (run.count === 1) return { title: 'Failed unlock attempt', detail: null };
      const [first, last] = [dateTimeLabel(run.first.at), dateTimeLabel(run.last.at)];
      return { title: `${run.count} failed unlock attempts`, detail: `last at ${last}${first === last ? '' : `, first at ${first}`}` };
    }
    case 'locked':
      return { title: LOCK_REASONS[detail ?? ''] ?? 'Locked', detail: null };
    case 'password changed':
      return { title: detail === 'removed' ? 'Password removed' : 'Password set', detail: null };
    default: {
      const [title, withDetail] = TITLES[run.event];
      return { title, detail: withDetail ? detail : null };
    }
  }
}
