// The postbus's state as main last reported it, for the header, the menu count, Uitwisselen and Meldingen.
// Looked up every few seconds while the app is open (a cheap call), and at once after the user changes something.
import { create } from 'zustand';
import type { PostbusStatus } from '../../../shared/api/postbus';
import { api } from '../../api/client';
import { latestOnly } from '../../api/latest-only';

const EVERY_MS = 3_000;

interface PostbusState {
  status: PostbusStatus | undefined;
  load(): Promise<void>;
  set(status: PostbusStatus): void;
  /** Starts looking every few seconds; returns the stop. */
  follow(): () => void;
}

let followers = 0;
let timer: ReturnType<typeof setInterval> | undefined;
/** A status that left main before a change must not replace the status the change answered with. */
const guard = latestOnly();
let looking = 0;

export const usePostbusStore = create<PostbusState>((set, get) => ({
  status: undefined,
  async load() {
    const current = guard.start();
    looking++;
    try {
      const status = await api().call('postbus.status', {});
      if (current()) set({ status });
    } catch {
      // Not set up yet, or the store is being replaced: the next look tries again.
    } finally {
      looking--;
    }
  },
  set(status) {
    guard.supersede();
    set({ status });
  },
  follow() {
    followers++;
    if (followers === 1) {
      void get().load();
      // A tick while a look is still under way (main busy with a large file) waits for the next one.
      timer = setInterval(() => looking === 0 && void get().load(), EVERY_MS);
    }
    return () => {
      followers--;
      if (followers === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  },
}));
