// The budget of the profile host this code runs in (one profile per process, so one
// budget per process). Set once by electron/host/profile-host.ts before any database
// opens; code that runs outside a host (unit tests opening a store directly) gets
// the default for this machine.
import { AppException } from '../../../shared/errors.js';
import { defaultHostBudget } from '../storage/host-budget.js';
import type { HostBudget } from '../storage/worker-protocol.js';

let budget: HostBudget | null = null;

export function setHostBudget(b: HostBudget): void {
  budget = b;
}

export function hostBudget(): HostBudget {
  return (budget ??= defaultHostBudget());
}

/** The typed answer when a budget is hit: which limit, and what to do about it. */
export function limitReached(limit: string, advice: string): AppException {
  return new AppException('LIMIT_REACHED', `${limit}. ${advice}`);
}
