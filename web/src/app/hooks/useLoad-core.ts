import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * Runs `load` whenever deps change; the newest answer wins and a failure goes to `report`. No UI kit: the back office's
 * useLoad reports through antd's message, the light H5 pages through their own notice.
 */
export function useLoadWith<T>(load: () => Promise<T>, deps: DependencyList, enabled: boolean, report: (err: unknown) => void): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(err);
        setData(undefined);
        setLoading(false);
        report(err);
      },
    );
    // `load` is a fresh closure on every render; the caller's deps say when it really changed.
  }, [...deps, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}
