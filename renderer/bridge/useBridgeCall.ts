// Wraps any Result-returning call with pending/error state for a form or button.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../shared/errors.js';

export interface BridgeCall<A extends unknown[], T> {
  run: (...args: A) => Promise<Result<T>>;
  pending: boolean;
  error: AppError | null;
  reset: () => void;
}

export function useBridgeCall<A extends unknown[], T>(call: (...args: A) => Promise<Result<T>>): BridgeCall<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const callRef = useRef(call);
  const mounted = useRef(true);

  useEffect(() => {
    callRef.current = call;
  }, [call]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(null);
    const result = await callRef.current(...args);
    // A successful unlock unmounts the picker before this resolves.
    if (mounted.current) {
      setPending(false);
      setError(result.ok ? null : result.error);
    }
    return result;
  }, []);

  const reset = useCallback(() => setError(null), []);

  return { run, pending, error, reset };
}
