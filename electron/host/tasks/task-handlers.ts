// The tasks channels, served in the profile's host under their contract names.
import { itemHandlers } from '../item-handlers.js';
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const taskHandlers = {
  ...itemHandlers('Task', (r) => r.tasks),
  moveTask: ({ sqlite }, input) => repositories(sqlite).tasks.move(input),
  taskCounts: ({ sqlite }, input) => repositories(sqlite).tasks.counts(input),
} satisfies Partial<HostHandlerTable>;
