// The children of a process, read from Linux /proc: the tests that kill a profile host
// (as a crash would) find its pid this way.
import fs from 'node:fs';

/** Pids whose parent is `parent`; with `command`, only those whose command line holds it. */
export function childPids(parent: number, command?: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      if (command === undefined || fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(command)) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}
