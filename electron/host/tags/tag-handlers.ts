// The tags channels, served in the profile's host under their contract names.
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const tagHandlers = {
  listTags: ({ sqlite }) => repositories(sqlite).tags.list(),
  renameTag: ({ sqlite }, { from, to }) => repositories(sqlite).tags.rename(from, to),
} satisfies Partial<HostHandlerTable>;
