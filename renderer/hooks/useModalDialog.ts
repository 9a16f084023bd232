import { useEffect, useRef, type RefObject } from 'react';
import { useLatest } from './useLatest.js';

/**
 * Shows a native <dialog> modally while the component is mounted: the browser traps
 * focus and makes the page behind inert; Escape calls `onClose` instead of closing
 * the element behind React's back.
 */
export function useModalDialog(onClose: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useLatest(onClose);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
    };
  }, [onCloseRef]);

  return ref;
}
