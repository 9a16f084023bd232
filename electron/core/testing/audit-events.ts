// What the registry in a data dir recorded for one profile, read straight from its file.
import type { AuditEvent } from '../../../shared/activity/audit.js';
import { Registry } from '../registry/registry.js';
import { ManualClock } from './manual-clock.js';

/** The profile's audit-log events, in the registry's order. */
export function auditEvents(dataDir: string, profileId: string): AuditEvent[] {
  const registry = Registry.open(dataDir, new ManualClock());
  try {
    return registry.auditLog(profileId).map((e) => e.event);
  } finally {
    registry.close();
  }
}
