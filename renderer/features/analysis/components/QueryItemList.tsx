// The list of queries in a sidebar tab (history, saved queries): each item opens into a tab
// from its main button and has its own actions beside it.
import type { Key, ReactNode } from 'react';
import styles from './Sidebar.module.css';

interface QueryItemListProps<T extends { id: Key }> {
  items: readonly T[];
  testId: string;
  itemTestId: string;
  onOpen: (item: T) => void;
  /** What the item's open button shows. */
  children: (item: T) => ReactNode;
  /** The buttons beside it. */
  actions: (item: T) => ReactNode;
}

export function QueryItemList<T extends { id: Key }>({ items, testId, itemTestId, onOpen, children, actions }: QueryItemListProps<T>) {
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className={styles.historyItem}>
          <button type="button" className={styles.historyButton} onClick={() => onOpen(item)} title="Open in a tab" data-testid={itemTestId}>
            {children(item)}
          </button>
          {actions(item)}
        </li>
      ))}
    </ul>
  );
}
