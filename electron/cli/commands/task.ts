import type { TaskPriority, TaskStatus } from '../../../shared/tasks/tasks.js';
import { AppException } from '../../../shared/errors.js';
import { command } from '../command.js';
import { call } from '../session.js';
import { allPages, given, printList, stringFlag } from './listing.js';

const add = command({
  usage: 'enclave task add --profile NAME TITLE [--due DATE] [--priority none|low|medium|high]',
  summary: 'Add a task; prints its id',
  details: 'DUE is a date (2030-01-31) or an ISO date-time with an offset; PRIORITY is none, low, medium or high.',
  async run({ args, flags, io, unlockProfile }) {
    const due = stringFlag(flags, 'due');
    const priority = stringFlag(flags, 'priority');
    const task = await call(await unlockProfile(), 'createTask', { title: args.TITLE!, ...given({ due, priority: priority as TaskPriority | undefined }) });
    io.stdout(`${task.id}\n`);
  },
});

const list = command({
  usage: 'enclave task list --profile NAME [--status todo|doing|done] [--json]',
  summary: 'List tasks in their manual order',
  details: 'STATUS is todo, doing or done.',
  async run({ flags, io, json, unlockProfile }) {
    const enclave = await unlockProfile();
    const status = stringFlag(flags, 'status');
    const tasks = await allPages((page) => call(enclave, 'listTasks', { ...page, ...given({ status: status as TaskStatus | undefined }) }));
    printList(io, json, tasks, 'No tasks.', ['ID', 'STATUS', 'PRIORITY', 'DUE', 'TITLE'], (t) => [t.id, t.status, t.priority, t.due ?? '-', t.title]);
  },
});

const done = command({
  usage: 'enclave task done --profile NAME ID',
  summary: 'Mark a task done',
  async run({ args, io, unlockProfile }) {
    const enclave = await unlockProfile();
    // Marking done never loses anyone's edit, so a change made meanwhile is simply re-read once.
    for (let attempt = 0; ; attempt++) {
      const task = await call(enclave, 'getTask', { id: args.ID! });
      if (task.status === 'done') break;
      try {
        await call(enclave, 'updateTask', { id: task.id, version: task.version, status: 'done' });
        break;
      } catch (e) {
        if (!(e instanceof AppException && e.code === 'CONFLICT') || attempt > 0) throw e;
      }
    }
    io.stdout(`done ${args.ID}\n`);
  },
});

export const taskCommands = [add, list, done];
