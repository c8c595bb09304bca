// A large plan file being applied in the background (from the postbus or chosen by the user): how many of
// its changes are stored so far. Asks main about twice a second while it is shown; says nothing when no import runs.
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/t';

export function ImportProgress() {
  const { t } = useI18n();
  // The next look half a second after each answer, so looks never overlap even when main is slow; a failed
  // look keeps the last answer.
  const { data, loading, refresh } = useApiQuery(() => api().call('import.progress', {}), []);
  useEffect(() => {
    if (loading) return;
    const timer = setTimeout(() => void refresh(), 500);
    return () => clearTimeout(timer);
  }, [loading, refresh]);
  const active = data?.active;
  if (!active) return null;
  const text =
    active.total === null ? t('imp.doneOnly', { done: active.done, name: active.name }) : t('imp.done', { done: Math.min(active.done, active.total), total: active.total, name: active.name });
  return (
    // Not read aloud at every step (aria-live off inside the panel's status region); the bar carries the value.
    <div className="imp-progress" data-testid="import-progress" aria-live="off">
      {active.total === null ? <progress aria-label={t('imp.label')} /> : <progress aria-label={t('imp.label')} max={active.total} value={Math.min(active.done, active.total)} />}
      <p>{text}</p>
    </div>
  );
}
