import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that holds the value of the latest render. A listener or observer set up once (an
 * effect with no dependencies) reads the newest callback through it instead of being torn
 * down and set up again each time the caller passes a new function. The ref itself is the
 * same object on every render, so naming it in a dependency list changes nothing.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
