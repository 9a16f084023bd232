import path from 'node:path';
import { command } from '../command.js';
import { UsageError } from '../args.js';
import { call, grantPath } from '../session.js';
import { allPages, given, localDateTime, localTimeZone, printList, stringFlag } from './listing.js';

const add = command({
  usage: 'enclave event add --profile NAME TITLE --start ISO --end ISO [--time-zone TZ] [--all-day] [--location TEXT] [--repeat RRULE] [--reminder MINUTES]',
  summary: 'Add a calendar event; prints its id',
  details:
    'START and END are ISO date-times with an offset (2030-01-31T09:00:00+01:00), or dates with --all-day (END inclusive).\n' +
    'An all-day event is stored as its dates; times given with --all-day become the days they fall on in TIME-ZONE.\n' +
    'TIME-ZONE is the IANA zone the event belongs to (default: this computer\'s), stored by its canonical name.\n' +
    'RRULE repeats it (RFC 5545, e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10), its times kept in TIME-ZONE across DST.\n' +
    'MINUTES before the start, a reminder is shown while the profile is unlocked in the app.',
  async run({ args, flags, io, unlockProfile }) {
    const start = stringFlag(flags, 'start');
    const end = stringFlag(flags, 'end');
    if (start === undefined || end === undefined) throw new UsageError('event add needs --start and --end');
    const location = stringFlag(flags, 'location');
    const repeat = stringFlag(flags, 'repeat');
    const reminder = stringFlag(flags, 'reminder');
    const event = await call(await unlockProfile(), 'createEvent', {
      title: args.TITLE!,
      start,
      end,
      timeZone: stringFlag(flags, 'time-zone') ?? localTimeZone(),
      ...(flags.has('all-day') ? { allDay: true } : {}),
      ...given({ location, recurrence: repeat }),
      ...(reminder !== undefined ? { reminderMinutes: /^\d+$/.test(reminder) ? Number(reminder) : Number.NaN } : {}),
    });
    io.stdout(`${event.id}\n`);
  },
});

const list = command({
  usage: 'enclave event list --profile NAME [--from ISO] [--to ISO] [--time-zone TZ] [--json]',
  summary: 'List events overlapping a time range, by start (all-day events as their dates, times in their own zone)',
  details:
    'FROM and TO are ISO date-times with an offset; either may be left out. All-day events are found by the\n' +
    'local days the range covers: in TIME-ZONE when given, else in the offset FROM and TO are written with.',
  async run({ flags, io, json, unlockProfile }) {
    const enclave = await unlockProfile();
    const from = stringFlag(flags, 'from');
    const to = stringFlag(flags, 'to');
    const timeZone = stringFlag(flags, 'time-zone');
    const events = await allPages((page) => call(enclave, 'listEvents', { ...page, ...given({ from, to, timeZone }) }));
    // An all-day event is its dates, the same for everyone; a timed one reads in the zone it
    // belongs to, named beside it, so the row means the same on any computer.
    printList(io, json, events, 'No events.', ['ID', 'START', 'END', 'ZONE', 'TITLE'], (e) =>
      e.allDay
        ? [e.id, e.start, e.end, 'all day', `${e.title} (all day)`]
        : [e.id, localDateTime(e.start, e.timeZone), localDateTime(e.end, e.timeZone), e.timeZone, e.title],
    );
  },
});

const importIcs = command({
  usage: 'enclave event import --profile NAME FILE.ics [--json]',
  summary: 'Add the events of an iCalendar (.ics) file; prints how many were added and what was skipped',
  details:
    'Reads VEVENTs (RFC 5545) as Google Calendar, Outlook or Apple Calendar export them: repeating events (RRULE,\n' +
    'EXDATE), edited occurrences (RECURRENCE-ID), all-day events, time zones (TZID) and reminders (VALARM).\n' +
    'Times without a zone are read in this computer\'s zone. Events that cannot be stored are skipped and listed.',
  async run({ args, io, json, unlockProfile }) {
    const e = await unlockProfile();
    const result = await call(e, 'importEvents', { file: grantPath(e, 'read', args.FILE!) });
    if (json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    io.stdout(`added ${result.added} event${result.added === 1 ? '' : 's'}\n`);
    for (const s of result.skipped) io.stderr(`skipped: ${s.reason}\n`);
  },
});

const exportIcs = command({
  usage: 'enclave event export --profile NAME --out FILE.ics [--json]',
  summary: 'Write every event (repeating ones with their rules) to an iCalendar (.ics) file',
  details: 'The file is RFC 5545: times with their IANA zone (TZID), all-day events as dates, RRULE, EXDATE and RECURRENCE-ID.',
  async run({ flags, io, json, unlockProfile }) {
    const out = stringFlag(flags, 'out');
    if (out === undefined) throw new UsageError('--out FILE.ics is required');
    const e = await unlockProfile();
    const { events } = await call(e, 'exportEvents', { file: grantPath(e, 'write', out) });
    const written = path.resolve(out);
    io.stdout(json ? `${JSON.stringify({ path: written, events }, null, 2)}\n` : `${written}\t${events}\n`);
  },
});

export const eventCommands = [add, list, importIcs, exportIcs];
