// Create or edit one event. End before start is caught here; anything the core
// rejects comes back with the field it concerns and is shown beside that field.
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/errors.js';
import { EVENT_LOCATION_MAX, EVENT_TITLE_MAX, type CalendarEvent } from '../../../shared/events.js';
import { createEvent, deleteEvent, updateEvent } from '../../bridge/useEvents.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { TextField } from '../../components/TextField.js';
import { localDate, localInstant, localTimeOfDay, localTimeZone } from '../../format/local-time.js';
import { eventDays } from './event-days.js';
import styles from './EventDialog.module.css';

export type EventDraftSeed = { kind: 'new'; date: string; time?: string } | { kind: 'edit'; event: CalendarEvent };

interface Form {
  title: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  description: string;
}

type FieldName = 'title' | 'start' | 'end' | 'location' | 'description';

const addHour = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${String(Math.min(23, h + 1)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

function formOf(seed: EventDraftSeed): Form {
  if (seed.kind === 'new') {
    const startTime = seed.time ?? '09:00';
    return { title: '', allDay: false, startDate: seed.date, startTime, endDate: seed.date, endTime: addHour(startTime), location: '', description: '' };
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
  return null;
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

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((prev) => {
      const next = { ...prev, [key]: value };
      // Moving the start drags an untouched-looking end along, like most calendars.
      if (key === 'startDate' && prev.endDate === prev.startDate) next.endDate = value as string;
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
      return;
    }
    const timing = form.allDay
      ? { start: form.startDate, end: form.endDate, allDay: true }
      : { start: localInstant(form.startDate, form.startTime), end: localInstant(form.endDate, form.endTime), allDay: false };
    const fields = { title: form.title, ...timing, timeZone: localTimeZone(), location: form.location, description: form.description };
    setPending('save');
    const result = existing ? await updateEvent(existing, fields) : await createEvent(fields);
    setPending(null);
    if (result.ok) return onClose();
    const field = result.error.field?.split('.')[0];
    if (field === 'title' || field === 'start' || field === 'end' || field === 'location' || field === 'description') {
      setFieldError({ field, message: result.error.message });
    } else {
      setError(result.error);
    }
  };

  const remove = async () => {
    if (!existing) return;
    setPending('delete');
    const result = await deleteEvent(existing);
    setPending(null);
    if (result.ok) onClose();
    else setError(result.error);
  };

  const errorFor = (field: FieldName) => (fieldError?.field === field ? fieldError.message : null);

  const footer = (
    <>
      {existing && (
        <Button variant="ghost" size="small" onClick={() => void remove()} pending={pending === 'delete'} className={styles.delete} data-testid="event-delete">
          {pending !== 'delete' && <Icon name="trash" size={14} />}
          Move to Trash
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
    <Dialog title={existing ? 'Edit event' : 'New event'} onClose={onClose} testId="event-dialog" width={600} footer={footer}>
      <form id="event-form" className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label="Title"
          value={form.title}
          onChange={(e) => set('title', e.target.value)}
          placeholder="What is happening?"
          maxLength={EVENT_TITLE_MAX}
          autoFocus
          error={errorFor('title')}
          testId="event-title"
        />
        <label className={styles.check}>
          <input type="checkbox" checked={form.allDay} onChange={(e) => set('allDay', e.target.checked)} data-testid="event-all-day" />
          All-day
        </label>
        <div className={styles.when}>
          <fieldset className={styles.moment} aria-invalid={!!errorFor('start') || undefined}>
            <legend className={styles.legend}>Starts</legend>
            <input type="date" aria-label="Start date" value={form.startDate} onChange={(e) => set('startDate', e.target.value)} className={styles.control} data-testid="event-start-date" />
            {!form.allDay && (
              <input type="time" aria-label="Start time" value={form.startTime} onChange={(e) => set('startTime', e.target.value)} className={styles.control} data-testid="event-start-time" />
            )}
          </fieldset>
          <fieldset className={styles.moment} aria-invalid={!!errorFor('end') || undefined}>
            <legend className={styles.legend}>Ends</legend>
            <input type="date" aria-label="End date" value={form.endDate} onChange={(e) => set('endDate', e.target.value)} className={styles.control} data-testid="event-end-date" />
            {!form.allDay && (
              <input type="time" aria-label="End time" value={form.endTime} onChange={(e) => set('endTime', e.target.value)} className={styles.control} data-testid="event-end-time" />
            )}
          </fieldset>
        </div>
        {(errorFor('start') || errorFor('end')) && <ErrorMessage>{errorFor('start') ?? errorFor('end')}</ErrorMessage>}
        <p className={styles.zone}>Times are in your local time ({localTimeZone()}).</p>
        <TextField
          label="Location"
          value={form.location}
          onChange={(e) => set('location', e.target.value)}
          placeholder="Optional"
          maxLength={EVENT_LOCATION_MAX}
          error={errorFor('location')}
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
        {error && <ErrorMessage>{error.code === 'CONFLICT' ? 'This event changed in another window. Close and open it again.' : error.message}</ErrorMessage>}
      </form>
    </Dialog>
  );
}
