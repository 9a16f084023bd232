// The viewer's locale for every date, time and number on screen: the system locale
// (navigator.language), with Settings' first-day-of-week and 12/24-hour choices on top.
// The choices are display preferences of this computer, kept in localStorage.
import { useSyncExternalStore } from 'react';
import { parseLocalePrefs, resolveLocale, withClock, type LocalePrefs, type ResolvedLocale } from '../../shared/locale-prefs.js';

const KEY = 'enclave.locale';
const listeners = new Set<() => void>();

function stored(): LocalePrefs {
  try {
    return parseLocalePrefs(window.localStorage.getItem(KEY));
  } catch {
    return parseLocalePrefs(null);
  }
}

// The renderer's pure modules are also unit-tested under Node, which has no navigator or
// window before Node 21: there the system locale is the runtime's own.
const systemLocale = (): string =>
  typeof navigator === 'undefined' ? Intl.DateTimeFormat().resolvedOptions().locale : navigator.language;

let prefs: LocalePrefs = stored();
let resolved: ResolvedLocale = resolveLocale(systemLocale(), prefs);
const formats = new Map<string, Intl.DateTimeFormat>();

function changed(next: LocalePrefs) {
  prefs = next;
  resolved = resolveLocale(systemLocale(), prefs);
  formats.clear();
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) changed(stored());
  });
}

export const currentLocale = (): ResolvedLocale => resolved;

export function setLocalePrefs(next: LocalePrefs): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Not stored: the choice still holds in this window.
  }
  changed(next);
}

/** A cached Intl.DateTimeFormat in the viewer's locale; times follow their 12/24-hour choice. */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    const withHour = options.hour !== undefined || options.timeStyle !== undefined;
    f = new Intl.DateTimeFormat(resolved.locale, withHour ? withClock(resolved, options) : options);
    formats.set(key, f);
  }
  return f;
}

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(resolved.locale, options).format(n);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The choices and what they resolve to; a component using it redraws when they change. */
export function useLocalePrefs(): { prefs: LocalePrefs; resolved: ResolvedLocale } {
  const p = useSyncExternalStore(subscribe, () => prefs);
  const r = useSyncExternalStore(subscribe, () => resolved);
  return { prefs: p, resolved: r };
}
