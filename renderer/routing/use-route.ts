// The current hash path as React state, following the browser's back and forward buttons.
import { useSyncExternalStore } from 'react';
import { pathOf } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => pathOf(location.hash));
}
