// How each kind of activity entry reads: every kind has a title, the profile's own steps
// keep their detail to themselves, and imports, exports and archives name what they moved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_EVENTS, type AuditEvent, type AuditRun } from '../../../shared/activity/audit.js';
import { activityLabel } from './activity-labels.js';

const run = (event: AuditEvent, detail: string | null): AuditRun => {
  const entry = { id: 1, at: '2026-12-01T10:00:00Z', event, detail };
  return { event, count: 1, last: entry, first: entry };
};

test('every kind of entry has a title', () => {
  for (const event of AUDIT_EVENTS) assert.ok(activityLabel(run(event, null)).title.length > 0, event);
});

test('imports, exports and archives show their detail; the profile’s own steps do not', () => {
  assert.deepEqual(activityLabel(run('table imported', 'sales_q1')), { title: 'Table imported', detail: 'sales_q1' });
  assert.deepEqual(activityLabel(run('profile restored', 'backup.enclave')), { title: 'Restored from an archive', detail: 'backup.enclave' });
  assert.deepEqual(activityLabel(run('profile created', 'anything')), { title: 'Profile created', detail: null });
  assert.deepEqual(activityLabel(run('profile renamed', 'Old name')), { title: 'Renamed', detail: null });
});

test('locks read their reason; a password change reads what it did', () => {
  assert.equal(activityLabel(run('locked', 'idle')).title, 'Locked after inactivity');
  assert.equal(activityLabel(run('locked', 'unknown reason')).title, 'Locked');
  assert.equal(activityLabel(run('password changed', 'removed')).title, 'Password removed');
  assert.equal(activityLabel(run('password changed', null)).title, 'Password set');
});
