// Uitwisselen › Partners: the partner gemeenten this copy knows, each with its gemeente key, whether it is
// trusted, what was exchanged, and its laptops underneath (trusted, revoked, waiting, frozen).
import type { Identity } from '../../../shared/api/contract';
import type { PartnerGemeente } from '../../../shared/api/identity';
import type { OutboxPartner } from '../../../shared/api/transfer';
import { TableHead } from '../../components/table-head';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { formatInstant } from './words';
import { Facts } from '../../components/facts';

type PartnerLaptop = PartnerGemeente['devices'][number];

interface Props {
  identity: Identity;
  gemeenten: PartnerGemeente[];
  knows: Map<string, OutboxPartner>;
}

export function PartnerGemeenten({ identity, gemeenten, knows }: Props) {
  const { t, locale } = useI18n();
  const when = (iso: string | null) => (iso ? formatInstant(iso, locale) : t('ex.partners.never'));

  function status(d: PartnerLaptop) {
    const lines: string[] = [];
    if (d.status === 'revoked' && d.revocation) lines.push(t('pg.revoked', { reason: t(`dev.reason.${d.revocation.reason}`), after: formatNumber(d.revocation.after, locale) }));
    else lines.push(d.trusted ? t('ex.partners.trusted') : t('ex.partners.untrusted'));
    if (d.waiting > 0) lines.push(t('ex.partners.waiting', { count: formatNumber(d.waiting, locale) }));
    return lines.map((line, i) => (
      <span key={i} className="pg-line">
        {line}
      </span>
    ));
  }

  if (gemeenten.length === 0) return <p className="panel panel--empty">{t('pg.none')}</p>;
  return (
    <ul className="pg-list" aria-label={t('pg.list')}>
      {gemeenten.map((g) => {
        const known = knows.get(g.gemeente)?.knows.filter((k) => k.gemeente === identity.gemeente) ?? [];
        const titleId = `pg-${g.gemeente}`;
        return (
          <li key={g.gemeente} className="pg-gemeente">
            <section aria-labelledby={titleId} data-testid={`partner-${g.gemeente}`}>
              <h4 id={titleId}>{g.gemeenteName}</h4>
              <Facts
                className="facts pg-facts"
                items={[
                  [t('pg.key'), g.keyFingerprint ? <code className="ex-fp">{g.keyFingerprint}</code> : t('pg.keyNone')],
                  [t('pg.trust'), g.trusted ? t('ex.partners.trusted') : t('ex.partners.untrusted')],
                  [t('ex.partners.col.received'), when(g.lastReceived)],
                  [t('ex.partners.col.sent'), when(g.lastSent)],
                  [
                    t('ex.partners.col.knows'),
                    known.length === 0
                      ? t('ex.partners.knowsNothing')
                      : known.map((k) => (
                          <span key={k.device} className="ex-knows">
                            {t('ex.partners.knows', { has: formatNumber(k.has, locale), of: formatNumber(k.of, locale), device: k.device })}
                          </span>
                        )),
                  ],
                ]}
              />
              {g.devices.length > 0 && (
                <div className="table-wrap" role="region" aria-label={t('pg.devicesCaption', { gemeente: g.gemeenteName })} tabIndex={0}>
                  <table className="table ex-table pg-devices">
                    <caption className="visually-hidden">{t('pg.devicesCaption', { gemeente: g.gemeenteName })}</caption>
                    <TableHead columns={[t('pg.col.device'), t('pg.col.status'), { label: t('pg.col.entries'), num: true }, t('pg.col.last')]} />
                    <tbody>
                      {g.devices.map((d) => (
                        <tr key={d.publicKey} className={d.status === 'revoked' ? 'pg-revoked' : undefined}>
                          <th scope="row">
                            {d.label}
                            <br />
                            <span className="ex-muted">
                              {t('ex.partners.fingerprint')}: <code className="ex-fp">{d.fingerprint}</code>
                            </span>
                          </th>
                          <td>
                            {status(d)}
                            {d.frozen && <strong className="pg-line">{t('ex.partners.frozen', { reason: d.frozen })}</strong>}
                          </td>
                          <td className="num">{formatNumber(d.lastSeq, locale)}</td>
                          <td>{d.lastEntryAt ? formatInstant(d.lastEntryAt, locale) : t('pg.lastNone')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </li>
        );
      })}
    </ul>
  );
}
