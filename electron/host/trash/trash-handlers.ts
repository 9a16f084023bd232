// The Trash, served in the profile's host under its contract names.
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const trashHandlers = {
  listTrash: ({ sqlite }, input) => repositories(sqlite).trash.list(input),
  // Both answer the purged ids (not the channel's count): main tells each kind's windows.
  purgeTrash: ({ sqlite }, input) => repositories(sqlite).trash.purge(input),
  emptyTrash: ({ sqlite }) => repositories(sqlite).trash.empty(),
} satisfies Partial<HostHandlerTable>;
