// The "…" menu on a profile's tile: open it in a new window, go straight to its settings,
// or remove it. Arrow keys move between items, Escape closes and gives focus back.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../../components/Icon.js';
import styles from './ProfileTileMenu.module.css';

export interface TileAction {
  id: string;
  label: string;
  icon: IconName;
  danger?: boolean;
  run: () => void;
}

export function ProfileTileMenu({ profileName, actions }: { profileName: string; actions: TileAction[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div
      className={styles.wrap}
      onBlur={(event) => {
        // Focus went somewhere outside the button and the menu: the menu closes.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-label={`More for ${profileName}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid="profile-menu-button"
      >
        <Icon name="more" size={16} />
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" aria-label={`${profileName}`} className={styles.menu} onKeyDown={onKeyDown} data-testid="profile-menu">
          {actions.map((a) => (
            <button
              key={a.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`${styles.item} ${a.danger ? styles.danger : ''}`}
              onClick={() => {
                close(false);
                a.run();
              }}
              data-testid={`profile-menu-${a.id}`}
            >
              <Icon name={a.icon} size={14} />
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
