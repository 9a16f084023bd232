import type { CalendarEvent } from '../../../../shared/events.js';
import type { DataContext, Handlers } from '../handler-types.js';

const changed = (ctx: DataContext, event: CalendarEvent) => {
  ctx.sessions.notify(ctx.profile.id, 'eventsChanged', { ids: [event.id] });
  return event;
};

// The host serves the calendar channels; main adds only the windows' push event to writes.
export const calendarHandlers = {
  createEvent: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('createEvent', input)),
  updateEvent: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('updateEvent', input)),
  deleteEvent: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('deleteEvent', input)),
  restoreEvent: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('restoreEvent', input)),
} satisfies Partial<Handlers>;
