// Search, served in the profile's host under its contract name.
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const searchHandlers = {
  search: ({ sqlite }, input) => repositories(sqlite).search.search(input),
} satisfies Partial<HostHandlerTable>;
