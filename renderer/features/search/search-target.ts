// A search result the person chose: which screen opens, and which item it shows.
// A fresh object per choice, so choosing the same item twice opens it twice.
import type { ItemKind } from '../../../shared/search/search.js';

export interface SearchTarget {
  kind: ItemKind;
  id: string;
}
