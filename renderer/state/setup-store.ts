// Whether this installation is set up, and why not: the first thing the app asks main.
import { create } from 'zustand';
import type { SetupStatus } from '../../shared/api/contract';
import { api, type ApiCallError } from '../api/client';
import { asApiCallError } from '../api/api-call-error';

interface SetupState {
  status: SetupStatus | undefined;
  error: ApiCallError | undefined;
  /** Where the unreadable database was moved to, shown once on the first-run screen. */
  movedTo: string | undefined;
  refresh(): Promise<void>;
  setMovedTo(path: string | undefined): void;
}

export const useSetupStore = create<SetupState>((set) => ({
  status: undefined,
  error: undefined,
  movedTo: undefined,
  async refresh() {
    set({ error: undefined });
    try {
      set({ status: await api().call('setup.status', {}) });
    } catch (err) {
      set({ error: asApiCallError(err) });
    }
  },
  setMovedTo(movedTo) {
    set({ movedTo });
  },
}));
