// Create or edit one event. End before start is caught here; anything the core
// rejects comes back with the field it concerns and is shown beside that field.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AppError } from '../../../shared/errors.js';
import { EVENT_LOCATION_MAX, EVENT_TITLE_MAX, type CalendarEvent } from '../../../shared/events/events.js';
import { addDays, isIsoDate } from '../../../shared/zoned-time.js';
import { createEvent, deleteEvent, deleteOccurrence, editOccurrence, fetchEvent, updateEvent } from './useEvents.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { DateInput, TimeInput } from '../../components/LocalizedInputs.js';
import { RadioChoices } from '../../components/RadioChoices.js';
import type { Choice } from '../../components/Select.js';
import { TextField } from '../../components/TextField.js';
import { focusFirstInvalid } from '../../components/focus-first-invalid.js';
import { localDate, localInstant, localTimeOfDay, localTimeZone } from '../../format/local-time.js';
import { eventDays } from './event-days.js';
import styles from './EventDialog.module.css';
import { RepeatEditor } from './RepeatEditor.js';
import { repeatFormOf, ruleOf, weekdayOf, type RepeatForm } from './repeat-rule.js';

export type EventDraftSeed =
  | { kind: 'new'; date: string; time?: string; endDate?: string; endTime?: string }
  | { kind: 'edit'; event: CalendarEvent };

/** Which occurrences of a repeating event a save or delete applies to. */
type Scope = 'this' | 'following' | 'all';

const SCOPES: Choice<Scope>[] = [
  { value: 'this', label: 'This event' },
  { value: 'following', label: 'This and following events' },
  { value: 'all', label: 'All events' },
];

const REMINDERS: { value: string; label: string }[] = [
  { value: '', label: 'No reminder' },
  { value: '0', label: 'At the start' },
  { value: '5', label: '5 minutes before' },
  { value: '15', label: '15 minutes before' },
  { value: '30', label: '30 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '1440', label: '1 day before' },
];

interface Form {
  title: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  description: string;
  repeat: RepeatForm;
  reminder: string;
}

type FieldName = 'title' | 'start' | 'end' | 'location' | 'description' | 'recurrence';

const addHour = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${String(Math.min(23, h + 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

interface MomentFieldProps {
  end: 'start' | 'end';
  date: string;
  /** Null for an all-day event, which has no times. */
  time: string | null;
  invalid: boolean;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
}

const MOMENT_TEXT = { start: { legend: 'Starts', name: 'Start' }, end: { legend: 'Ends', name: 'End' } };

/** The date (and time) one end of the event is at. */
function MomentField({ end, date, time, invalid, onDate, onTime }: MomentFieldProps) {
  const { legend, name } = MOMENT_TEXT[end];
  return (
    <fieldset className={styles.moment} aria-invalid={invalid || undefined}>
      <legend className={styles.legend}>{legend}</legend>
      <DateInput aria-label={`${name} date`} value={date} onChange={(e) => onDate(e.target.value)} className={styles.control} data-testid={`event-${end}-date`} />
      {time !== null && <TimeInput aria-label={`${name} time`} value={time} onChange={(e) => onTime(e.target.value)} className={styles.control} data-testid={`event-${end}-time`} />}
    </fieldset>
  );
}

function formOf(seed: EventDraftSeed): Form {
  if (seed.kind === 'new') {
    const startTime = seed.time ?? '09:00';
    return {
      title: '',
      allDay: false,
      startDate: seed.date,
      startTime,
      endDate: seed.endDate ?? seed.date,
      endTime: seed.endTime ?? addHour(startTime),
      location: '',
      description: '',
      repeat: repeatFormOf(null, seed.date),
      reminder: '',
    };
  }
  const e = seed.event;
  const days = eventDays(e);
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  return {
    title: e.title,
    allDay: e.allDay,
    startDate: days.first,
    startTime: e.allDay ? '09:00' : localTimeOfDay(start),
    endDate: e.allDay ? days.last : localDate(end),
    endTime: e.allDay ? '10:00' : localTimeOfDay(end),
    location: e.location,
    description: e.description,
    repeat: repeatFormOf(e.recurrence, days.first),
    reminder: e.reminderMinutes === null ? '' : String(e.reminderMinutes),
  };
}

/** Client-side check: the same rule the core applies, said before the round trip. */
function validate(form: Form): { field: FieldName; message: string } | null {
  if (!form.title.trim()) return { field: 'title', message: 'Give the event a title' };
  if (!form.startDate) return { field: 'start', message: 'Choose a start date' };
  if (!form.endDate) return { field: 'end', message: 'Choose an end date' };
  if (form.allDay) {
    if (form.endDate < form.startDate) return { field: 'end', message: 'The event cannot end before it starts' };
  } else {
    if (!form.startTime) return { field: 'start', message: 'Choose a start time' };
    if (!form.endTime) return { field: 'end', message: 'Choose an end time' };
    if (localInstant(form.endDate, form.endTime) < localInstant(form.startDate, form.startTime)) {
      return { field: 'end', message: 'The event cannot end before it starts' };
    }
  }
  if (form.repeat.freq === 'custom' && !form.repeat.custom.trim()) return { field: 'recurrence', message: 'Write the rule, e.g. FREQ=MONTHLY;BYDAY=-1FR' };
  if (form.repeat.freq === 'WEEKLY' && form.repeat.byDay.length === 0) return { field: 'recurrence', message: 'Choose at least one weekday' };
  if (form.repeat.ends === 'on' && form.repeat.freq !== 'none' && form.repeat.freq !== 'custom' && !form.repeat.until) {
    return { field: 'recurrence', message: 'Choose the last date' };
  }
  return null;
}

/** Shifts a series by how much one of its occurrences was moved ("all events" with new times). */
async function shiftSeries(occurrence: CalendarEvent, timing: { start: string; end: string; allDay: boolean }) {
  const series = await fetchEvent(occurrence.id);
  if (!series.ok) return series;
  if (timing.allDay !== occurrence.allDay) return { ok: true as const, value: { start: timing.start, end: timing.end } };
  if (timing.allDay) {
    const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
    return {
      ok: true as const,
      value: { start: addDays(series.value.start, days(occurrence.start, timing.start)), end: addDays(series.value.end, days(occurrence.end, timing.end)) },
    };
  }
  const shift = (base: string, from: string, to: string) => new Date(Date.parse(base) + Date.parse(to) - Date.parse(from)).toISOString();
  return {
    ok: true as const,
    value: { start: shift(series.value.start, occurrence.start, timing.start), end: shift(series.value.end, occurrence.end, timing.end) },
  };
}

interface EventDialogProps {
  seed: EventDraftSeed;
  onClose: () => void;
}

export function EventDialog({ seed, onClose }: EventDialogProps) {
  const [form, setForm] = useState<Form>(() => formOf(seed));
  const [fieldError, setFieldError] = useState<{ field: FieldName; message: string } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState<'save' | 'delete' | null>(null);
  const existing = seed.kind === 'edit' ? seed.event : null;
  /** An occurrence a series' rule generated: saving and deleting ask which occurrences. */
  const occurrence = existing?.occurrenceStart !== undefined ? existing : null;
  const [scope, setScope] = useState<Scope>('this');
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((prev) => {
      const next = { ...prev, [key]: value };
      // Moving the start drags an untouched-looking end along, like most calendars.
      if (key === 'startDate' && prev.endDate === prev.startDate) next.endDate = value as string;
      // A weekly repeat still on the start's weekday follows the start to its new weekday.
      if (key === 'startDate' && prev.repeat.byDay.length === 1 && prev.repeat.byDay[0] === weekdayOf(prev.startDate) && isIsoDate(value as string)) {
        next.repeat = { ...prev.repeat, byDay: [weekdayOf(value as string)] };
      }
      if (key === 'startTime' && prev.startDate === prev.endDate && prev.endTime === addHour(prev.startTime)) next.endTime = addHour(value as string);
      return next;
    });
    setFieldError(null);
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const invalid = validate(form);
    if (invalid) {
      setFieldError(invalid);
      focusFirstInvalid(formRef.current);
      return;
    }
    const timing = form.allDay
      ? { start: form.startDate, end: form.endDate, allDay: true }
      : { start: localInstant(form.startDate, form.startTime), end: localInstant(form.endDate, form.endTime), allDay: false };
    const fields = {
      title: form.title,
      ...timing,
      timeZone: localTimeZone(),
      location: form.location,
      description: form.description,
      reminderMinutes: form.reminder === '' ? null : Number(form.reminder),
    };
    // An edited occurrence cannot repeat itself; its series' rule stays as it is.
    const recurrence = existing?.seriesId ? {} : { recurrence: ruleOf(form.repeat, form.allDay) };
    setPending('save');
    const result = await (async () => {
      if (!existing) return createEvent({ ...fields, ...recurrence });
      if (!occurrence) return updateEvent(existing, { ...fields, ...recurrence });
      if (scope === 'this') return editOccurrence(occurrence, 'this', fields);
      if (scope === 'following') return editOccurrence(occurrence, 'following', { ...fields, ...recurrence });
      const moved = timing.start !== occurrence.start || timing.end !== occurrence.end || timing.allDay !== occurrence.allDay;
      const seriesTiming = moved ? await shiftSeries(occurrence, timing) : { ok: true as const, value: {} };
      if (!seriesTiming.ok) return seriesTiming;
      const { start: _s, end: _e, ...rest } = fields;
      return updateEvent(occurrence, { ...rest, allDay: timing.allDay, ...seriesTiming.value, ...recurrence });
    })();
    setPending(null);
    if (result.ok) return onClose();
    const field = result.error.field?.split('.')[0];
    if (field === 'title' || field === 'start' || field === 'end' || field === 'location' || field === 'description' || field === 'recurrence') {
      setFieldError({ field, message: result.error.message });
      focusFirstInvalid(formRef.current);
    } else {
      setError(result.error);
    }
  };

  const remove = async () => {
    if (!existing) return;
    setPending('delete');
    const result = occurrence && scope !== 'all' ? await deleteOccurrence(occurrence, scope) : await deleteEvent(existing);
    setPending(null);
    if (result.ok) onClose();
    else setError(result.error);
  };

  const errorFor = (field: FieldName) => (fieldError?.field === field ? fieldError.message : null);
  /** Ties a text field to the form: its value, its edits and its error. */
  const textField = (field: 'title' | 'location') => ({
    value: form[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(field, e.target.value),
    error: errorFor(field),
  });

  const footer = (
    <>
      {existing && (
        <Button variant="ghost" size="small" onClick={() => void remove()} pending={pending === 'delete'} className={styles.delete} data-testid="event-delete">
          {pending !== 'delete' && <Icon name="trash" size={14} />}
          {occurrence && scope === 'this' ? 'Delete this occurrence' : occurrence && scope === 'following' ? 'Delete this and following' : 'Move to Trash'}
        </Button>
      )}
      <span className={styles.spacer} />
      <Button variant="ghost" onClick={onClose}>
        Cancel
      </Button>
      <Button variant="primary" type="submit" form="event-form" pending={pending === 'save'} data-testid="event-save">
        {existing ? 'Save' : 'Create event'}
      </Button>
    </>
  );

  return (
    <Dialog title={existing ? (occurrence ? 'Edit repeating event' : 'Edit event') : 'New event'} onClose={onClose} testId="event-dialog" width={600} footer={footer}>
      <form ref={formRef} id="event-form" className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label="Title"
          {...textField('title')}
          placeholder="What is happening?"
          maxLength={EVENT_TITLE_MAX}
          autoFocus
          testId="event-title"
        />
        <label className={styles.check}>
          <input type="checkbox" checked={form.allDay} onChange={(e) => set('allDay', e.target.checked)} data-testid="event-all-day" />
          All-day
        </label>
        <div className={styles.when}>
          <MomentField end="start" date={form.startDate} time={form.allDay ? null : form.startTime} invalid={!!errorFor('start')} onDate={(v) => set('startDate', v)} onTime={(v) => set('startTime', v)} />
          <MomentField end="end" date={form.endDate} time={form.allDay ? null : form.endTime} invalid={!!errorFor('end')} onDate={(v) => set('endDate', v)} onTime={(v) => set('endTime', v)} />
        </div>
        {(errorFor('start') || errorFor('end')) && <ErrorMessage>{errorFor('start') ?? errorFor('end')}</ErrorMessage>}
        <p className={styles.zone}>Times are in your local time ({localTimeZone()}).</p>
        {existing?.seriesId ? (
          <p className={styles.zone}>This is a changed occurrence of a repeating event.</p>
        ) : (
          (!occurrence || scope !== 'this') && (
            <RepeatEditor value={form.repeat} onChange={(repeat) => set('repeat', repeat)} error={errorFor('recurrence')} />
          )
        )}
        {errorFor('recurrence') && <ErrorMessage>{errorFor('recurrence')}</ErrorMessage>}
        <label className={styles.field}>
          <span className={styles.label}>Reminder</span>
          <select value={form.reminder} onChange={(e) => set('reminder', e.target.value)} className={styles.control} data-testid="event-reminder">
            {REMINDERS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
            {!REMINDERS.some((r) => r.value === form.reminder) && <option value={form.reminder}>{form.reminder} minutes before</option>}
          </select>
        </label>
        <TextField
          label="Location"
          {...textField('location')}
          placeholder="Optional"
          maxLength={EVENT_LOCATION_MAX}
          testId="event-location"
        />
        <label className={styles.field}>
          <span className={styles.label}>Description</span>
          <textarea
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
            rows={3}
            className={styles.textarea}
            placeholder="Optional"
            aria-invalid={!!errorFor('description') || undefined}
            data-testid="event-description"
          />
          {errorFor('description') && <ErrorMessage>{errorFor('description')}</ErrorMessage>}
        </label>
        {occurrence && (
          <div className={styles.scope} role="radiogroup" aria-label="Apply to" data-testid="event-scope">
            <RadioChoices name="event-scope" value={scope} options={SCOPES} onChange={setScope} className={styles.inline} testIdPrefix="event-scope" />
          </div>
        )}
        {error && <ErrorMessage>{error.code === 'CONFLICT' ? 'This event changed in another window. Close and open it again.' : error.message}</ErrorMessage>}
      </form>
    </Dialog>
  );
}
