// Meldingen: files the postbus applied by itself (a partner with "automatisch inlezen" and nothing that
// clashed), with what each changed per gemeente.
import { useEffect } from 'react';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { useI18n } from '../../i18n/t';
import { formatInstant } from '../exchange/words';
import { usePostbusStore } from './postbus-store';

export function PostbusApplied() {
  const { t, locale } = useI18n();
  // The list itself is selected (a stable reference); filtering in the selector would render without end.
  const all = usePostbusStore((s) => s.status?.applied);
  const applied = all?.filter((a) => !a.byUser);
  const follow = usePostbusStore((s) => s.follow);
  useEffect(() => follow(), [follow]);
  if (!applied?.length) return null;
  return (
    <section aria-labelledby="pb-applied-title" data-testid="postbus-applied">
      <h2 id="pb-applied-title">{t('pb.applied')}</h2>
      <ul>
        {applied.map((a) => (
          <li key={a.name}>
            {t('pb.appliedLine', { when: formatInstant(a.at, locale), gemeente: a.gemeenteName ?? '?', count: a.summary?.entries ?? 0 })}
            {a.summary && a.summary.perGemeente.length > 0 && (
              <ul>
                {a.summary.perGemeente.map((g) => (
                  <li key={g.gemeente}>{t('pb.appliedPart', { gemeente: gemeenteName(g.gemeente), created: g.created, changed: g.changed })}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
