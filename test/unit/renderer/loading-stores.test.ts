// The stores that load from main follow the same rule as useApiQuery: an answer that left main before a
// newer one (or before a change) never replaces what the newer one showed.
import { afterEach, describe, expect, it } from 'vitest';
import { setApi, type RegieApi } from '../../../renderer/api/client';
import { useEventsStore } from '../../../renderer/state/events-store';
import { useSetupStore } from '../../../renderer/state/setup-store';
import { usePostbusStore } from '../../../renderer/views/postbus/postbus-store';
import { useProblemsStore } from '../../../renderer/views/problems/problems-store';
import { useCalendarStore } from '../../../renderer/views/calendar/calendar-store';

interface Pending {
  method: string;
  args: unknown;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** A fake main: every call waits until the test answers it, in whatever order the test chooses. */
function fakeMain() {
  const calls: Pending[] = [];
  const api = {
    call: (method: string, args: unknown) =>
      new Promise((resolve, reject) => {
        calls.push({ method, args, resolve, reject });
      }),
  } as unknown as RegieApi;
  setApi(api);
  const take = (method: string): Pending => {
    const i = calls.findIndex((c) => c.method === method);
    if (i < 0) throw new Error(`no call to ${method} waiting (waiting: ${calls.map((c) => c.method).join(', ')})`);
    return calls.splice(i, 1)[0]!;
  };
  return { calls, take };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const event = (name: string) => ({ id: name, name });

afterEach(() => {
  useEventsStore.setState({ events: undefined, error: undefined });
  usePostbusStore.setState({ status: undefined });
});

describe('stores drop answers that arrive late', () => {
  it('Evenementen: the list of the newest load stays when an older answer comes after it', async () => {
    const main = fakeMain();
    const first = useEventsStore.getState().load();
    const second = useEventsStore.getState().load();
    const [older, newer] = [main.take('events.list'), main.take('events.list')];
    newer.resolve([event('Koningsdag'), event('Zomerfeest')]);
    await second;
    older.resolve([event('Koningsdag')]);
    await first;
    expect(useEventsStore.getState().events?.map((e) => e.name)).toEqual(['Koningsdag', 'Zomerfeest']);
  });

  it('Evenementen: an older failure after a newer answer shows no error', async () => {
    const main = fakeMain();
    const first = useEventsStore.getState().load();
    const second = useEventsStore.getState().load();
    const [older, newer] = [main.take('events.list'), main.take('events.list')];
    newer.resolve([event('Zomerfeest')]);
    await second;
    older.reject(new Error('verbinding weg'));
    await first;
    expect(useEventsStore.getState()).toMatchObject({ error: undefined, events: [event('Zomerfeest')] });
  });

  it('set-up: a late status does not replace the newer one', async () => {
    const main = fakeMain();
    const first = useSetupStore.getState().refresh();
    const second = useSetupStore.getState().refresh();
    const [older, newer] = [main.take('setup.status'), main.take('setup.status')];
    newer.resolve({ configured: true });
    await second;
    older.resolve({ configured: false });
    await first;
    expect(useSetupStore.getState().status).toEqual({ configured: true });
  });

  it('postbus: the status a change answered with is not replaced by a look that started before it', async () => {
    const main = fakeMain();
    const look = usePostbusStore.getState().load();
    const before = main.take('postbus.status');
    usePostbusStore.getState().set({ configured: true, dir: '/gedeeld/postbus' } as never);
    before.resolve({ configured: false, dir: null });
    await look;
    expect(usePostbusStore.getState().status).toMatchObject({ configured: true, dir: '/gedeeld/postbus' });
  });

  it('Meldingen: a load asked for during another gets the answer after the change, not the older one', async () => {
    const main = fakeMain();
    const answer = (hash: string, codes: string[]) => {
      main.take('state.hash').resolve({ hash });
      main.take('conflicts.list').resolve([]);
      main.take('violations.list').resolve(codes.map((code) => ({ code, severity: 'warning', records: ['o1'], accepted: false })));
    };
    const beforeChange = useProblemsStore.getState().load();
    // The user adds an absence meanwhile; the screen asks again.
    const afterChange = useProblemsStore.getState().load();
    answer('h1', ['rest']);
    await beforeChange;
    await tick();
    answer('h2', ['rest', 'absent']);
    await afterChange;
    expect(useProblemsStore.getState().violations?.map((v) => v.code)).toEqual(['rest', 'absent']);
    expect(useProblemsStore.getState().hash).toBe('h2');
    expect(main.calls).toHaveLength(0);
  });

  it('Kalender: a fresh load of a year wins over an older load of it that answers later', async () => {
    const main = fakeMain();
    const older = useCalendarStore.getState().ensureYears([2031]);
    const fresh = useCalendarStore.getState().ensureYears([2031], true);
    const [oldAnswer, newAnswer] = [main.take('calendar.range'), main.take('calendar.range')];
    newAnswer.resolve([event('Zomerfeest')]);
    await fresh;
    expect(useCalendarStore.getState().pending).toEqual([]);
    oldAnswer.resolve([]);
    await older;
    expect(useCalendarStore.getState().years[2031]?.map((e) => e.name)).toEqual(['Zomerfeest']);
  });
});
