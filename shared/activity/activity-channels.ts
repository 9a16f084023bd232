// The activity log of the calling window's profile (never another profile's).
import { z } from 'zod';
import { AUDIT_PAGE_MAX, type AuditLogPage } from './audit.js';
import { channel, returns } from '../channel.js';

export const auditChannels = {
  /** One page of the profile's activity, newest first; `before` is the previous page's nextCursor. */
  auditLog: channel({
    scope: 'data',
    input: z.strictObject({
      limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
      before: z.number().int().min(1).optional(),
    }),
    output: returns<AuditLogPage>(),
    errors: ['INVALID_INPUT', 'LOCKED'],
  }),
} as const;
