// A refusal or failure from main, in words: the server's Dutch message, or our own for a lost connection.
import type { ApiCallError } from '../api/client';
import { useI18n } from '../i18n/t';

export function ErrorPanel({ error, onRetry, title }: { error: ApiCallError; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const message = error.code === 'unreachable' ? t('error.unreachable') : error.message;
  return (
    <div className="panel panel--error" role="alert">
      <h2 className="panel__title">{title ?? t('error.title')}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
