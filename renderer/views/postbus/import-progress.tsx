// A large plan file being applied in the background (from the postbus or chosen by the user): how many of
// its changes are stored so far. Asks main twice a second while it is shown; says nothing when no import runs.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/t';
import type { ImportProgress as Progress } from '../../../shared/api/postbus';

export function ImportProgress() {
  const { t } = useI18n();
  const [active, setActive] = useState<Progress | null>(null);
  useEffect(() => {
    let stopped = false;
    const look = () =>
      void api()
        .call('import.progress', {})
        .then((r) => !stopped && setActive(r.active))
        .catch(() => undefined);
    look();
    const timer = setInterval(look, 500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
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
