// "Uit ingelezen bestanden": what the last imported plan files changed for the user's own officers, events,
// requests and agreements, in words and in the user's language, with when each file was read.
import type { ImportNotice } from '../../../shared/api/exchange';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { narrativeLineFrom } from '../../../shared/i18n/narrative-messages';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/t';
import { formatInstant } from '../exchange/words';

export function ImportNotices({ ownGemeente }: { ownGemeente: string }) {
  const { t, locale } = useI18n();
  // Only a help beside the problems: when main cannot list them, the section stays away.
  const { data: notices = [] } = useApiQuery(
    () =>
      api()
        .call('notices.list', {})
        .catch((): ImportNotice[] => []),
    [],
  );
  if (notices.length === 0) return null;
  return (
    <section className="panel problems__notices" aria-labelledby="notices-title" data-testid="import-notices">
      <h2 id="notices-title" className="panel__title">
        {t('problems.notices.title')}
      </h2>
      {notices.map((n) => (
        <div key={n.fileId}>
          <h3 className="problems__notice-head">{t('problems.notices.file', { gemeente: gemeenteName(n.sender), at: formatInstant(n.at, locale) })}</h3>
          <ul>
            {n.lines.map((l, i) => (
              <li key={i}>{narrativeLineFrom(l, ownGemeente, locale)}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
