// Whether the voorbeeldregio is open (from setup.status), and removing it in one step.
import { create } from 'zustand';
import { api } from '../../api/client';
import { navigate } from '../../routing/routes';
import { useSetupStore } from '../../state/setup-store';

export function useIsDemo(): boolean {
  return useSetupStore((s) => s.status !== undefined && s.status.state !== 'new' && s.status.demo);
}

interface DemoNotice {
  /** The demo was just removed: the first run says so once. */
  removed: boolean;
  setRemoved(removed: boolean): void;
}

export const useDemoNotice = create<DemoNotice>((set) => ({
  removed: false,
  setRemoved(removed) {
    set({ removed });
  },
}));

/** Removes the demo in main, then shows the first run (the real database has no identity yet). */
export async function removeDemo(): Promise<void> {
  await api().call('setup.endDemo', {});
  useDemoNotice.getState().setRemoved(true);
  // The real installation, once set up, opens on the calendar rather than on the screen the demo was at.
  navigate('/kalender');
  await useSetupStore.getState().refresh();
}
