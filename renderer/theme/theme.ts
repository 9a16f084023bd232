// The in-app light/dark/system switch. The colour tokens come from shared/theme-colors.ts
// and are written onto :root as the same custom properties the CSS modules use
// (--color-text, --shadow-md…), so there is one palette, checked for contrast by a test.
// The choice is a display preference of this computer, not profile data: it is kept in
// localStorage and applies on the picker too.
import { useSyncExternalStore } from 'react';
import { PALETTES, resolveTheme, THEME_CHOICES, type Theme, type ThemeChoice } from '../../shared/theme-colors.js';

const KEY = 'enclave.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function storedChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return (THEME_CHOICES as readonly string[]).includes(v ?? '') ? (v as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice = 'system';

function paint(): Theme {
  const theme = resolveTheme(choice, window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  const palette = PALETTES[theme];
  for (const [token, value] of Object.entries(palette.colors)) root.style.setProperty(`--color-${token}`, value);
  for (const [size, value] of Object.entries(palette.shadows)) root.style.setProperty(`--shadow-${size}`, value);
  root.style.colorScheme = theme;
  root.dataset.theme = theme;
  return theme;
}

const notify = () => {
  paint();
  for (const l of listeners) l();
};

/** Paints the stored choice and follows the OS and other windows from then on. Call once, before rendering. */
export function startTheme(): void {
  choice = storedChoice();
  paint();
  window.matchMedia(DARK_QUERY).addEventListener('change', notify);
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY) return;
    choice = storedChoice();
    notify();
  });
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    window.localStorage.setItem(KEY, next);
  } catch {
    // Not stored: the choice still holds in this window.
  }
  notify();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The person's choice and the theme it shows now. */
export function useTheme(): { choice: ThemeChoice; theme: Theme } {
  const c = useSyncExternalStore(subscribe, () => choice);
  const theme = useSyncExternalStore(subscribe, () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'));
  return { choice: c, theme };
}
