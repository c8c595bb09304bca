// A refusal or failure from main, in words: main's message in the screen's language (where main sent a key),
// or our own for a lost connection. `focus`: the panel sits where the user acted and takes the keyboard, so
// it is seen and read out at once instead of appearing somewhere off-screen.
import { useEffect, useRef } from 'react';
import type { ApiCallError } from '../api/client';
import { useI18n } from '../i18n/t';

export function ErrorPanel({ error, onRetry, title, focus = false }: { error: ApiCallError; onRetry?: () => void; title?: string; focus?: boolean }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const message = error.code === 'unreachable' ? t('error.unreachable') : error.say(locale);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focus, error]);
  return (
    <div ref={ref} className="panel panel--error" role="alert" tabIndex={focus ? -1 : undefined} data-testid="error-panel">
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
