// The empty Kalender after the first start: what to do next, with a link for each step and which steps are
// done already (own officers added, a partner trusted), so a new coordinator is not left with an empty grid.
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/t';

export function FirstSteps({ ownGemeente }: { ownGemeente: string }) {
  const { t } = useI18n();
  const { data } = useApiQuery(async () => {
    const [events, officers, devices] = await Promise.all([api().call('events.list', {}), api().call('officers.list', { employer: ownGemeente }), api().call('partners.list', {})]);
    return { events: events.length, officers: officers.length, partners: new Set(devices.filter((d) => d.trusted && !d.self && d.gemeente !== ownGemeente).map((d) => d.gemeente)).size };
  }, [ownGemeente]);
  // Events elsewhere in time: the normal empty period, not a first start.
  if (!data || data.events > 0) return null;
  const steps = [
    { key: 'officers', href: '#/handhavers/nieuw', done: data.officers > 0 ? t('cal.first.officersDone', { count: data.officers }) : undefined },
    { key: 'event', href: '#/evenementen/nieuw', done: undefined },
    { key: 'partner', href: '#/uitwisselen', done: data.partners > 0 ? t('cal.first.partnerDone', { count: data.partners }) : undefined },
    { key: 'guide', href: '#/hulp', done: undefined },
  ] as const;
  return (
    <section className="panel panel--info first-steps" aria-labelledby="first-steps-title">
      <h2 id="first-steps-title">{t('cal.first.title')}</h2>
      <p>{t('cal.first.lead')}</p>
      <ol className="first-steps__list">
        {steps.map((s) => (
          <li key={s.key}>
            <a href={s.href} className={s.key === 'event' ? 'button' : undefined}>
              {t(`cal.first.${s.key}`)}
            </a>{' '}
            <span className="first-steps__why">{s.done ? `✓ ${s.done}` : t(`cal.first.${s.key}Why`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
