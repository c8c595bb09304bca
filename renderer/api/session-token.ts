// The per-run token of the loopback host: taken once from the link's #token=..., then kept per tab.
// Removing it from the address bar keeps it out of history, bookmarks and screenshots.
const KEY = 'regie.token';

function readStored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function store(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Without storage the token lives only in memory: a reload then needs the host's link again.
  }
}

export function takeSessionToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    store(fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return readStored();
}
