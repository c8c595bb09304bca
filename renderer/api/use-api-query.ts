// Loading data from the api in a view: the answer, the error, whether a load is under way, and refresh()
// after a change. Only the newest load counts: an older answer that arrives late (the user moved on to
// another week, or refreshed) is dropped instead of overwriting the newer one, and nothing is set after
// the view is gone.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { asApiCallError, type ApiCallError } from './api-call-error';
import { latestOnly } from './latest-only';

export interface ApiQuery<T> {
  /** The newest answer; kept while a new load runs, so the screen does not flash empty. */
  data: T | undefined;
  /** Why the newest load failed; cleared when a load starts. */
  error: ApiCallError | undefined;
  loading: boolean;
  /** Loads again (after a change); resolves when this load has been shown or superseded. */
  refresh: () => Promise<void>;
  /** Shows a value main already sent (the answer of a change) without loading; a load under way is dropped. */
  set: (value: T) => void;
}

/**
 * Runs `load` now and whenever one of `deps` changes (like useEffect's dependencies), e.g.
 * `useApiQuery(() => api().call('capacity.get', { from, to }), [from, to])`. `deps` are exactly the values
 * `load` reads (lint checks them at each call). `reloadOn` is a value `load` does not read whose change
 * means main's data changed (the exchange store's version after an import, a count after a commitment):
 * it loads again then too, as a change of `deps` does.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList, reloadOn?: unknown): ApiQuery<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const [guard] = useState(latestOnly);
  const mounted = useRef(true);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const current = guard.start();
    setError(undefined);
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (!current() || !mounted.current) return;
      setData(value);
    } catch (err) {
      if (!current() || !mounted.current) return;
      setError(asApiCallError(err));
    }
    setLoading(false);
  }, [guard]);

  const set = useCallback(
    (value: T) => {
      guard.supersede();
      setData(value);
      setError(undefined);
      setLoading(false);
    },
    [guard],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    void run();
    // The caller's deps decide when to load again, as with useEffect; lint checks them at each call
    // (additionalHooks in eslint.config.js). run is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked where they are written
  }, [...deps, reloadOn]);

  return { data, error, loading, refresh: run, set };
}
