// The events this copy knows, as main last reported them. Views reload after every change they make.
import { create } from 'zustand';
import type { EventRecord } from '../../shared/domain/event';
import { api, type ApiCallError } from '../api/client';
import { asApiCallError } from '../api/api-call-error';

interface EventsState {
  events: EventRecord[] | undefined;
  error: ApiCallError | undefined;
  load(): Promise<void>;
}

export const useEventsStore = create<EventsState>((set) => ({
  events: undefined,
  error: undefined,
  async load() {
    set({ error: undefined });
    try {
      set({ events: await api().call('events.list', {}) });
    } catch (err) {
      set({ error: asApiCallError(err) });
    }
  },
}));
