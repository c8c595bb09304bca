// Whether this installation is set up, and why not: the first thing the app asks main.
import { create } from 'zustand';
import type { SetupStatus } from '../../shared/api/contract';
import { api, type ApiCallError } from '../api/client';
import { asApiCallError } from '../api/api-call-error';
import { latestOnly } from '../api/latest-only';

interface SetupState {
  status: SetupStatus | undefined;
  error: ApiCallError | undefined;
  /** Where the unreadable database was moved to, shown once on the first-run screen. */
  movedTo: string | undefined;
  refresh(): Promise<void>;
  setMovedTo(path: string | undefined): void;
}

const guard = latestOnly();

export const useSetupStore = create<SetupState>((set) => ({
  status: undefined,
  error: undefined,
  movedTo: undefined,
  async refresh() {
    const current = guard.start();
    set({ error: undefined });
    try {
      const status = await api().call('setup.status', {});
      if (current()) set({ status });
    } catch (err) {
      if (current()) set({ error: asApiCallError(err) });
    }
  },
  setMovedTo(movedTo) {
    set({ movedTo });
  },
}));
