// The tasks channels, served in the profile's host under their contract names.
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const taskHandlers = {
  createTask: ({ sqlite }, input) => repositories(sqlite).tasks.create(input),
  updateTask: ({ sqlite }, input) => repositories(sqlite).tasks.update(input),
  moveTask: ({ sqlite }, input) => repositories(sqlite).tasks.move(input),
  deleteTask: ({ sqlite }, { id }) => repositories(sqlite).tasks.delete(id),
  restoreTask: ({ sqlite }, { id }) => repositories(sqlite).tasks.restore(id),
  getTask: ({ sqlite }, { id }) => repositories(sqlite).tasks.get(id),
  listTasks: ({ sqlite }, input) => repositories(sqlite).tasks.list(input),
  taskCounts: ({ sqlite }, input) => repositories(sqlite).tasks.counts(input),
} satisfies Partial<HostHandlerTable>;
