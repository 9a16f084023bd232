import type { CalendarEvent } from '../../../../shared/events.js';
import type { DataContext, Handlers } from '../handler-types.js';

const changed = (ctx: DataContext, event: CalendarEvent) => {
  ctx.sessions.notify(ctx.profile.id, 'eventsChanged', { ids: [event.id] });
  return event;
};

export const calendarHandlers = {
  createEvent: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('eventCreate', input)),
  updateEvent: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('eventUpdate', input)),
  deleteEvent: async (ctx, { id }) => changed(ctx, await ctx.profile.worker.call('eventDelete', id)),
  restoreEvent: async (ctx, { id }) => changed(ctx, await ctx.profile.worker.call('eventRestore', id)),
  getEvent: (ctx, { id }) => ctx.profile.worker.call('eventGet', id),
  listEvents: (ctx, input) => ctx.profile.worker.call('eventList', input),
} satisfies Partial<Handlers>;
