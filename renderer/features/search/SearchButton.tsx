// The shell header's way into search, showing its shortcut.
import { Icon } from '../../components/Icon.js';
import styles from './SearchButton.module.css';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function SearchButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" className={styles.button} onClick={onOpen} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'} data-testid="search-open">
      <Icon name="search" size={14} />
      <span className={styles.label}>Search</span>
      <kbd className={styles.kbd}>{isMac ? '⌘K' : 'Ctrl K'}</kbd>
    </button>
  );
}
