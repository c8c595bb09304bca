// @vitest-environment jsdom
// useApiQuery in a real React tree (react-dom in jsdom): loading, answer, error, refresh, stale answers dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement, type DependencyList } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useApiQuery, type ApiQuery } from '../../../renderer/api/use-api-query';
import { ApiCallError } from '../../../renderer/api/api-call-error';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

/** Renders a component using the hook; returns the latest state the hook gave and a way to change deps. */
function mount<T>(load: (dep: number) => Promise<T>, initial = 0) {
  const seen: { current?: ApiQuery<T> } = {};
  function Probe({ dep }: { dep: number }) {
    const deps: DependencyList = [dep];
    seen.current = useApiQuery(() => load(dep), deps);
    return null;
  }
  root = createRoot(document.createElement('div'));
  act(() => root!.render(createElement(Probe, { dep: initial })));
  return { seen, setDep: (dep: number) => act(() => root!.render(createElement(Probe, { dep }))) };
}

describe('useApiQuery', () => {
  it('is loading, then shows the answer', async () => {
    const d = deferred<string>();
    const { seen } = mount(() => d.promise);
    expect(seen.current).toMatchObject({ loading: true, data: undefined, error: undefined });
    await act(async () => d.resolve('week 1'));
    expect(seen.current).toMatchObject({ loading: false, data: 'week 1', error: undefined });
  });

  it('shows a refusal as an ApiCallError, and an unexpected throw as code internal', async () => {
    const refused = mount(() => Promise.reject(new ApiCallError('not_found', 'Dat evenement bestaat niet.')));
    await act(async () => {});
    expect(refused.seen.current?.error).toMatchObject({ code: 'not_found', message: 'Dat evenement bestaat niet.' });
    expect(refused.seen.current?.loading).toBe(false);
    act(() => root?.unmount());
    const thrown = mount(() => Promise.reject(new Error('kapot')));
    await act(async () => {});
    expect(thrown.seen.current?.error).toMatchObject({ code: 'internal', message: 'kapot' });
  });

  it('loads again on refresh after a change, keeping the old answer meanwhile', async () => {
    let count = 0;
    const { seen } = mount(() => Promise.resolve(++count));
    await act(async () => {});
    expect(seen.current?.data).toBe(1);
    await act(async () => seen.current!.refresh());
    expect(seen.current).toMatchObject({ data: 2, loading: false });
  });

  /** A query per week whose answers the test gives, in any order; mounted for week 1, then moved to week 2. */
  function twoWeeks() {
    const answers = new Map<number, Deferred<string>>();
    const mounted = mount((dep) => {
      const d = deferred<string>();
      answers.set(dep, d);
      return d.promise;
    }, 1);
    mounted.setDep(2);
    return { seen: mounted.seen, answers };
  }

  it('ignores an older failure that arrives after a newer answer', async () => {
    const { seen, answers } = twoWeeks();
    await act(async () => answers.get(2)!.resolve('week 2'));
    await act(async () => answers.get(1)!.reject(new Error('te laat')));
    expect(seen.current).toMatchObject({ data: 'week 2', error: undefined, loading: false });
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const { seen, answers } = twoWeeks();
    await act(async () => answers.get(2)!.resolve('week 2'));
    expect(seen.current).toMatchObject({ data: 'week 2', loading: false });
    await act(async () => answers.get(1)!.resolve('week 1 (te laat)'));
    expect(seen.current?.data).toBe('week 2');
  });

  it('shows the answer of a change at once, and drops a load that was under way', async () => {
    const slow = deferred<string>();
    let first = true;
    const { seen } = mount(() => (first ? ((first = false), Promise.resolve('versie 1')) : slow.promise));
    await act(async () => {});
    let refreshed: Promise<void> | undefined;
    act(() => {
      refreshed = seen.current!.refresh();
    });
    act(() => seen.current!.set('versie 2 (opgeslagen)'));
    expect(seen.current).toMatchObject({ data: 'versie 2 (opgeslagen)', loading: false, error: undefined });
    await act(async () => {
      slow.resolve('versie 1 (te laat)');
      await refreshed;
    });
    expect(seen.current?.data).toBe('versie 2 (opgeslagen)');
  });

  it('loads again when reloadOn changes, and only then', async () => {
    let count = 0;
    const seen: { current?: ApiQuery<number> } = {};
    function Probe({ version, other }: { version: number; other: string }) {
      seen.current = useApiQuery(() => Promise.resolve(++count), [], version);
      return createElement('span', null, other);
    }
    root = createRoot(document.createElement('div'));
    act(() => root!.render(createElement(Probe, { version: 1, other: 'a' })));
    await act(async () => {});
    expect(seen.current).toMatchObject({ data: 1, loading: false });
    act(() => root!.render(createElement(Probe, { version: 1, other: 'b' })));
    await act(async () => {});
    expect(seen.current?.data).toBe(1);
    act(() => root!.render(createElement(Probe, { version: 2, other: 'b' })));
    await act(async () => {});
    expect(seen.current).toMatchObject({ data: 2, loading: false });
  });
});
