// What a list says until it has rows to show: the failure (with a retry where one helps), "loading" while no
// answer came, or that there is nothing yet. The rows themselves are the caller's.
import type { ApiCallError } from '../api/api-call-error';
import { ErrorPanel } from './error-panel';

interface Props {
  /** The rows; undefined while they load (or when loading failed). */
  items: readonly unknown[] | undefined;
  error: ApiCallError | undefined;
  onRetry?: () => void;
  loading: string;
  /** Said when the list came back empty. */
  empty?: string;
}

export function LoadStatus({ items, error, onRetry, loading, empty }: Props) {
  return (
    <>
      {error && <ErrorPanel error={error} onRetry={onRetry} />}
      {!items && !error && <p role="status">{loading}</p>}
      {items && items.length === 0 && empty !== undefined && <p className="panel panel--empty">{empty}</p>}
    </>
  );
}
