// Whether a scrolling box's content runs past its right edge, so that a view can say so in
// words: a horizontal scrollbar alone is easy to miss, and hidden until hovered on some systems.
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * `content` is what fills the box (a preview, a page of rows): a new one is measured again.
 * The box and its first child are both watched, because the box keeps its width when only
 * the table inside grows (new columns, longer values).
 */
export function useRunsPastRightEdge<T extends HTMLElement>(content: unknown): [RefObject<T | null>, boolean] {
  const boxRef = useRef<T>(null);
  const [runsPast, setRunsPast] = useState(false);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    // One pixel of slack: fractional layout widths round either way.
    const check = () => setRunsPast(box.scrollWidth > box.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [content]);

  return [boxRef, runsPast];
}
