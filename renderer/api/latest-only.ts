// The one rule for loading data from main: only the newest load counts. A view or store starts each load
// with start() and sets what it got only while the check it was given still says true; an older answer that
// arrives late (the user moved on, refreshed, or a change already put a newer value on screen) is dropped.
// useApiQuery and the zustand stores that load share this, so the rule is written once.

export interface LatestOnly {
  /** Starts a load: the returned check is true while no newer load started and nothing was set since. */
  start(): () => boolean;
  /** A newer value was put on screen directly (the answer of a change): every load under way is dropped. */
  supersede(): void;
}

export function latestOnly(): LatestOnly {
  let latest = 0;
  return {
    start() {
      const ticket = ++latest;
      return () => ticket === latest;
    },
    supersede() {
      latest++;
    },
  };
}
