// UI state that outlives one screen: the success message to announce, and which list a form returns to.
import { create } from 'zustand';

export interface Notice {
  text: string;
  /** The route the notice belongs to: it disappears once the user moves on. */
  path: string;
}

interface UiState {
  notice: Notice | undefined;
  listPath: string;
  announce(notice: Notice): void;
  clearNotice(): void;
  setListPath(path: string): void;
}

export const useUiStore = create<UiState>((set) => ({
  notice: undefined,
  listPath: '/kalender',
  announce(notice) {
    set({ notice });
  },
  clearNotice() {
    set({ notice: undefined });
  },
  setListPath(listPath) {
    set({ listPath });
  },
}));
