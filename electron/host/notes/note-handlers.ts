// The notes channels, served in the profile's host under their contract names.
import { itemHandlers } from '../item-handlers.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const noteHandlers = itemHandlers('Note', (r) => r.notes) satisfies Partial<HostHandlerTable>;
