// Loading data from the api in a view: the answer, the error, whether a load is under way, and refresh()
// after a change. Only the newest load counts: an older answer that arrives late (the user moved on to
// another week, or refreshed) is dropped instead of overwriting the newer one, and nothing is set after
// the view is gone.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { asApiCallError, type ApiCallError } from './api-call-error';

export interface ApiQuery<T> {
  /** The newest answer; kept while a new load runs, so the screen does not flash empty. */
  data: T | undefined;
  /** Why the newest load failed; cleared when a load starts. */
  error: ApiCallError | undefined;
  loading: boolean;
  /** Loads again (after a change); resolves when this load has been shown or superseded. */
  refresh: () => Promise<void>;
}

/**
 * Runs `load` now and whenever one of `deps` changes (like useEffect's dependencies), e.g.
 * `useApiQuery(() => api().call('capacity.get', { from, to }), [from, to])`.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList): ApiQuery<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const mounted = useRef(true);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setError(undefined);
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (ticket !== latest.current || !mounted.current) return;
      setData(value);
    } catch (err) {
      if (ticket !== latest.current || !mounted.current) return;
      setError(asApiCallError(err));
    }
    setLoading(false);
  }, []);

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
  }, deps);

  return { data, error, loading, refresh: run };
}
