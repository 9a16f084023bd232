import type { Handlers } from '../handler-types.js';
import { itemWrites } from './item-writes.js';

// The host serves the tasks channels; main adds only the windows' push event to writes.
export const taskHandlers = {
  ...itemWrites('tasksChanged', ['createTask', 'updateTask', 'moveTask', 'deleteTask', 'restoreTask']),
} satisfies Partial<Handlers>;
