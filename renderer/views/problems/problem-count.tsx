// The count of open problems next to "Meldingen" in the main menu, checked when the user moves between screens
// and recomputed only when the plan changed (an import, or a change made on another screen).
import { useEffect } from 'react';
import { usePath } from '../../routing/use-route';
import { useI18n } from '../../i18n/t';
import { isOpen, useProblemsStore } from './problems-store';

export function ProblemCount() {
  const { t } = useI18n();
  const path = usePath();
  const conflicts = useProblemsStore((s) => s.conflicts);
  const violations = useProblemsStore((s) => s.violations);
  const refresh = useProblemsStore((s) => s.refresh);
  const screen = path.split('/')[1];

  useEffect(() => {
    void refresh();
  }, [screen, refresh]);

  if (!conflicts || !violations) return null;
  const count = conflicts.length + violations.filter(isOpen).length;
  if (count === 0) return null;
  return (
    <span className="badge badge--count" data-testid="problem-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden"> {t('problems.countLabel', { count })}</span>
    </span>
  );
}
