// A view preference (e.g. "Hide completed") kept in this window's localStorage. Only
// display choices go here, never profile data: localStorage is shared by every profile
// the window opens.
import { useCallback, useState } from 'react';

function read(key: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(key);
    return v === null ? fallback : v === 'true';
  } catch {
    return fallback;
  }
}

export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, String(next));
      } catch {
        // Storage refused (quota, policy): the choice still holds for this view.
      }
    },
    [key],
  );
  return [value, set];
}
