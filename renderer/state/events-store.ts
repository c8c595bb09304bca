// The events this copy knows, as main last reported them. Views reload after every change they make.
import { create } from 'zustand';
import type { EventRecord } from '../../shared/domain/event';
import { api, type ApiCallError } from '../api/client';
import { asApiCallError } from '../api/api-call-error';
import { latestOnly } from '../api/latest-only';

interface EventsState {
  events: EventRecord[] | undefined;
  error: ApiCallError | undefined;
  load(): Promise<void>;
}

const guard = latestOnly();

export const useEventsStore = create<EventsState>((set) => ({
  events: undefined,
  error: undefined,
  async load() {
    const current = guard.start();
    set({ error: undefined });
    try {
      const events = await api().call('events.list', {});
      if (current()) set({ events });
    } catch (err) {
      if (current()) set({ error: asApiCallError(err) });
    }
  },
}));
