import type { ParsedInput } from '../../../../shared/contract.js';
import type { CalendarEvent } from '../../../../shared/events.js';
import type { Page } from '../../../../shared/tasks.js';
import { repositories } from '../repositories/repositories.js';
import type { HandlersFor } from '../worker-methods.js';

export interface EventMethods {
  eventCreate: { params: ParsedInput<'createEvent'>; result: CalendarEvent };
  eventUpdate: { params: ParsedInput<'updateEvent'>; result: CalendarEvent };
  eventDelete: { params: string; result: CalendarEvent };
  eventRestore: { params: string; result: CalendarEvent };
  eventGet: { params: string; result: CalendarEvent };
  eventList: { params: ParsedInput<'listEvents'>; result: Page<CalendarEvent> };
}

export const eventHandlers: HandlersFor<EventMethods> = {
  eventCreate: ({ sqlite }, p) => repositories(sqlite).events.create(p),
  eventUpdate: ({ sqlite }, p) => repositories(sqlite).events.update(p),
  eventDelete: ({ sqlite }, id) => repositories(sqlite).events.delete(id),
  eventRestore: ({ sqlite }, id) => repositories(sqlite).events.restore(id),
  eventGet: ({ sqlite }, id) => repositories(sqlite).events.get(id),
  eventList: ({ sqlite }, p) => repositories(sqlite).events.list(p),
};
