// The calendar channels, served in the profile's host under their contract names.
import { repositories } from '../../core/storage/repositories/repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const eventHandlers = {
  createEvent: ({ sqlite }, input) => repositories(sqlite).events.create(input),
  updateEvent: ({ sqlite }, input) => repositories(sqlite).events.update(input),
  deleteEvent: ({ sqlite }, { id }) => repositories(sqlite).events.delete(id),
  restoreEvent: ({ sqlite }, { id }) => repositories(sqlite).events.restore(id),
  getEvent: ({ sqlite }, { id }) => repositories(sqlite).events.get(id),
  listEvents: ({ sqlite }, input) => repositories(sqlite).events.list(input),
} satisfies Partial<HostHandlerTable>;
