// Whole seconds left until `until` (epoch ms), ticking down; 0 once it has passed.
import { useEffect, useState } from 'react';

const secondsLeft = (until: number | null) =>
  until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));

export function useCountdown(until: number | null): number {
  const [tracked, setTracked] = useState(until);
  const [left, setLeft] = useState(() => secondsLeft(until));

  // A new deadline restarts the count at once rather than on the next tick.
  if (tracked !== until) {
    setTracked(until);
    setLeft(secondsLeft(until));
  }

  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const next = secondsLeft(until);
      setLeft(next);
      if (next === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);

  return left;
}
