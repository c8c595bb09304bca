// What reaches the Uitwisselen screen from outside it: a plan file opened with the app (file association, a
// second start) or a menu command. Kept here until the screen takes it, so nothing is lost while it loads.
import { create } from 'zustand';
import type { MenuAction } from '../../../shared/api/desktop';
import type { OfferedFile } from './file-transfer';

interface ExchangeInbox {
  opened: OfferedFile | undefined;
  /** A file dropped on the window on any screen, still to be offered to main. */
  dropped: File | undefined;
  command: MenuAction | undefined;
  /** Bumped after every change the screen makes, so its parts reload what they show. */
  version: number;
  open(file: OfferedFile): void;
  takeOpened(): OfferedFile | undefined;
  drop(file: File): void;
  takeDropped(): File | undefined;
  ask(command: MenuAction): void;
  takeCommand(): MenuAction | undefined;
  changed(): void;
}

export const useExchangeStore = create<ExchangeInbox>((set, get) => ({
  opened: undefined,
  dropped: undefined,
  command: undefined,
  version: 0,
  open(file) {
    set({ opened: file });
  },
  takeOpened() {
    const file = get().opened;
    if (file) set({ opened: undefined });
    return file;
  },
  drop(file) {
    set({ dropped: file });
  },
  takeDropped() {
    const file = get().dropped;
    if (file) set({ dropped: undefined });
    return file;
  },
  ask(command) {
    set({ command });
  },
  takeCommand() {
    const command = get().command;
    if (command) set({ command: undefined });
    return command;
  },
  changed() {
    set((s) => ({ version: s.version + 1 }));
  },
}));
