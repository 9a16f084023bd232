import type { ParsedInput } from '../../../../shared/contract.js';
import type { SearchHit, TrashItem } from '../../../../shared/search.js';
import type { Page } from '../../../../shared/tasks.js';
import { repositories } from '../repositories/repositories.js';
import type { PurgedIds } from '../repositories/trash-repository.js';
import type { HandlersFor } from '../worker-methods.js';

export interface SearchMethods {
  search: { params: ParsedInput<'search'>; result: SearchHit[] };
  trashList: { params: ParsedInput<'listTrash'>; result: Page<TrashItem> };
  trashPurge: { params: ParsedInput<'purgeTrash'>; result: PurgedIds };
  trashEmpty: { params: undefined; result: PurgedIds };
}

export const searchHandlers: HandlersFor<SearchMethods> = {
  search: ({ sqlite }, p) => repositories(sqlite).search.search(p),
  trashList: ({ sqlite }, p) => repositories(sqlite).trash.list(p),
  trashPurge: ({ sqlite }, p) => repositories(sqlite).trash.purge(p),
  trashEmpty: ({ sqlite }) => repositories(sqlite).trash.empty(),
};
