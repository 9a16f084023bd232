// Work a window must finish while it is still bound to its profile: a debounced save of
// profile data (the SQL editor's tabs) sent after the lock would answer LOCKED and be
// lost. The shell's own locks (Lock, Switch profile) wait for these first; a lock main
// imposes cannot wait, and a save sent after it is refused, never sent to another profile.
type Task = () => Promise<void>;

const tasks = new Set<Task>();

/** Registers `task` until the returned function is called. */
export function beforeLock(task: Task): () => void {
  tasks.add(task);
  return () => void tasks.delete(task);
}

/** Runs every registered task; failures are the task's own business (it reports them). */
export async function runBeforeLock(): Promise<void> {
  await Promise.allSettled([...tasks].map((t) => t()));
}
