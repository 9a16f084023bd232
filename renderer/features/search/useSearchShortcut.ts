// Ctrl+K (Cmd+K on macOS) opens search from anywhere in the shell.
import { useEffect } from 'react';
import { useLatest } from '../../hooks/useLatest.js';

export function useSearchShortcut(open: () => void): void {
  const openRef = useLatest(open);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openRef]);
}
