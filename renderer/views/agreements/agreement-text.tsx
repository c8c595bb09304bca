// The full text of an agreement, as the parties sign it: every term in plain Dutch (or English).
import type { AgreementRecord, AgreementTerms } from '../../../shared/domain/agreement';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { formatDay, formatEuros } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';

export function AgreementText({ terms, hash }: { terms: AgreementTerms; hash?: AgreementRecord['contentHash'] }) {
  const { t, locale } = useI18n();
  return (
    <article className="agreement-text" aria-labelledby="agreement-text-title" tabIndex={0}>
      <h3 id="agreement-text-title">{terms.title}</h3>
      <h4>{t('agreements.art.parties')}</h4>
      <ul>
        {terms.parties.map((p) => (
          <li key={p}>{t('agreements.art.party', { name: gemeenteName(p), code: p })}</li>
        ))}
      </ul>
      <h4>{t('agreements.art.period')}</h4>
      <p>{t('agreements.art.periodText', { start: formatDay(terms.start, locale, { weekday: false }), end: formatDay(terms.end, locale, { weekday: false }) })}</p>
      <h4>{t('agreements.art.lending')}</h4>
      <p>{t('agreements.art.lendingText')}</p>
      <h4>{t('agreements.art.pay')}</h4>
      <ul>
        {terms.parties.map((p) => {
          const pt = terms.providers[p];
          if (!pt) return <li key={p}>{t('agreements.art.noTerms', { name: gemeenteName(p) })}</li>;
          return (
            <li key={p}>
              {pt.model === 'gesloten_beurs'
                ? t('agreements.art.closed', { name: gemeenteName(p) })
                : t('agreements.art.tariff', {
                    name: gemeenteName(p),
                    amount: formatEuros(pt.hourlyCents, locale),
                    evening: pt.surcharges.evening,
                    night: pt.surcharges.night,
                    weekend: pt.surcharges.weekend,
                    holiday: pt.surcharges.holiday,
                  })}
            </li>
          );
        })}
      </ul>
      <h4>{t('agreements.art.cap')}</h4>
      <p>{t('agreements.art.capText', { hours: terms.capHoursPerMonth })}</p>
      <h4>{t('agreements.art.mandate')}</h4>
      <p>
        {terms.mandate.maxHours === null
          ? t('agreements.art.mandateText', { officers: terms.mandate.maxOfficers, role: terms.mandate.escalateTo })
          : t('agreements.art.mandateHoursText', { officers: terms.mandate.maxOfficers, hours: terms.mandate.maxHours, role: terms.mandate.escalateTo })}
      </p>
      {hash && <p className="muted">{t('agreements.version', { hash: hash.slice(0, 12) })}</p>}
    </article>
  );
}
