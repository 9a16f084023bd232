import type { ParsedInput } from '../../../../shared/contract.js';
import type { Page, Task, TaskCounts } from '../../../../shared/tasks.js';
import { repositories } from '../repositories/repositories.js';
import type { HandlersFor } from '../worker-methods.js';

export interface TaskMethods {
  taskCreate: { params: ParsedInput<'createTask'>; result: Task };
  taskUpdate: { params: ParsedInput<'updateTask'>; result: Task };
  taskMove: { params: ParsedInput<'moveTask'>; result: Task };
  taskDelete: { params: string; result: Task };
  taskRestore: { params: string; result: Task };
  taskGet: { params: string; result: Task };
  taskList: { params: ParsedInput<'listTasks'>; result: Page<Task> };
  taskCounts: { params: ParsedInput<'taskCounts'>; result: TaskCounts };
}

export const taskHandlers: HandlersFor<TaskMethods> = {
  taskCreate: ({ sqlite }, p) => repositories(sqlite).tasks.create(p),
  taskUpdate: ({ sqlite }, p) => repositories(sqlite).tasks.update(p),
  taskMove: ({ sqlite }, p) => repositories(sqlite).tasks.move(p),
  taskDelete: ({ sqlite }, id) => repositories(sqlite).tasks.delete(id),
  taskRestore: ({ sqlite }, id) => repositories(sqlite).tasks.restore(id),
  taskGet: ({ sqlite }, id) => repositories(sqlite).tasks.get(id),
  taskList: ({ sqlite }, p) => repositories(sqlite).tasks.list(p),
  taskCounts: ({ sqlite }, p) => repositories(sqlite).tasks.counts(p),
};
