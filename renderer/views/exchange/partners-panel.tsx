// Partners: this device's fingerprint (large, in groups) and identity card, reading a partner's card with the
// guided comparison, and the known devices with what was exchanged with each and what each is known to have.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Identity } from '../../../shared/api/contract';
import type { CardInfo, PartnerDevice } from '../../../shared/api/exchange';
import type { OutboxPartner } from '../../../shared/api/transfer';
import { api, ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { Fingerprint } from '../../components/fingerprint';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { saveBlob } from './file-transfer';
import { TrustCard } from './trust-card';
import { formatInstant } from './words';
import { TableHead } from '../../components/table-head';

interface Props {
  identity: Identity;
  version: number;
  onChanged(): void;
  announce(text: string): void;
}

const MAX_CARD_BYTES = 16 * 1024;

export function PartnersPanel({ identity, version, onChanged, announce }: Props) {
  const { t, locale } = useI18n();
  const [devices, setDevices] = useState<PartnerDevice[]>();
  const [knows, setKnows] = useState<Map<string, OutboxPartner>>(new Map());
  const [failure, setFailure] = useState<ApiCallError>();
  const [inspecting, setInspecting] = useState<{ card: CardInfo; content: string }>();
  const inputRef = useRef<HTMLInputElement>(null);
  const readButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api().call('partners.list', {}), api().call('exchange.outbox', {})])
      .then(([list, box]) => {
        if (!live) return;
        setDevices(list);
        setKnows(new Map(box.partners.map((p) => [p.gemeente, p])));
      })
      .catch((err: unknown) => live && setFailure(asApiCallError(err)));
    return () => {
      live = false;
    };
  }, [version]);

  async function saveCard() {
    setFailure(undefined);
    try {
      const card = await api().call('identity.card', {});
      saveBlob(new Blob([card.content], { type: 'application/json' }), card.fileName);
      announce(t('ex.partners.cardSaved', { name: card.fileName }));
    } catch (err) {
      setFailure(asApiCallError(err));
    }
  }

  async function readCard(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(undefined);
    try {
      if (file.size > MAX_CARD_BYTES) throw new ApiCallError('bad_file', t('ex.trust.notCard', { name: file.name }));
      const content = await file.text();
      setInspecting({ card: await api().call('partners.inspectCard', { content }), content });
    } catch (err) {
      setFailure(asApiCallError(err));
    }
  }

  function closeTrust(text: string) {
    setInspecting(undefined);
    announce(text);
    readButtonRef.current?.focus();
  }

  const partnerDevices = (devices ?? []).filter((d) => !d.self);
  const when = (iso: string | null) => (iso ? formatInstant(iso, locale) : t('ex.partners.never'));

  return (
    <section className="ex-section" aria-labelledby="ex-partners-title" id="partners">
      <h2 id="ex-partners-title" tabIndex={-1}>{t('ex.partners.title')}</h2>

      <div className="panel ex-own">
        <h3 className="panel__title">{t('ex.partners.own')}</h3>
        <p>{t('ex.partners.ownFor', { gemeente: identity.gemeenteName, device: identity.deviceLabel })}</p>
        <Fingerprint value={identity.fingerprint} />
        <p>{t('ex.partners.saveCardHint')}</p>
        <button type="button" className="button button--secondary" onClick={() => void saveCard()}>
          {t('ex.partners.saveCard')}
        </button>
      </div>

      {failure && <ErrorPanel error={failure} />}

      {inspecting ? (
        <TrustCard
          card={inspecting.card}
          content={inspecting.content}
          onCancel={() => closeTrust(t('ex.trust.cancelled'))}
          onTrusted={(info) => {
            const text = t('ex.trust.done', { gemeente: info.gemeenteName, device: info.deviceLabel });
            closeTrust(info.released > 0 ? `${text} ${t('ex.trust.released', { count: info.released })}` : text);
            onChanged();
          }}
        />
      ) : (
        <div className="ex-read-card">
          <button ref={readButtonRef} type="button" className="button" onClick={() => inputRef.current?.click()}>
            {t('ex.partners.readCard')}
          </button>
          <input ref={inputRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void readCard(e)} data-testid="card-file-input" />
          <p className="field__hint">{t('ex.partners.readCardHint')}</p>
        </div>
      )}

      <h3>{t('ex.partners.list')}</h3>
      {devices && partnerDevices.length === 0 && <p className="panel panel--empty">{t('ex.partners.none')}</p>}
      {partnerDevices.length > 0 && (
        // Focusable, so the table can be scrolled sideways by keyboard in a narrow window.
        <div className="table-wrap" role="region" aria-label={t('ex.partners.list')} tabIndex={0}>
          <table className="table ex-table">
            <caption className="visually-hidden">{t('ex.partners.list')}</caption>
            <TableHead columns={[t('ex.partners.col.gemeente'), t('ex.partners.col.device'), t('ex.partners.col.status'), t('ex.partners.col.entries'), t('ex.partners.col.received'), t('ex.partners.col.sent'), t('ex.partners.col.knows')]} />
            <tbody>
              {partnerDevices.map((d) => {
                const known = knows.get(d.gemeente)?.knows.filter((k) => k.gemeente === identity.gemeente) ?? [];
                return (
                  <tr key={d.publicKey}>
                    <th scope="row">{d.gemeenteName}</th>
                    <td>
                      {d.deviceLabel}
                      <br />
                      <span className="ex-muted">
                        {t('ex.partners.fingerprint')}: <code className="ex-fp">{d.fingerprint}</code>
                      </span>
                    </td>
                    <td>
                      {d.trusted ? t('ex.partners.trusted') : t('ex.partners.untrusted')}
                      {d.waiting > 0 && (
                        <>
                          <br />
                          {t('ex.partners.waiting', { count: formatNumber(d.waiting, locale) })}
                        </>
                      )}
                      {d.frozen && (
                        <>
                          <br />
                          <strong>{t('ex.partners.frozen', { reason: d.frozen })}</strong>
                        </>
                      )}
                    </td>
                    <td>{formatNumber(d.entries, locale)}</td>
                    <td>{when(d.lastReceived)}</td>
                    <td>{when(d.lastSent)}</td>
                    <td>
                      {known.length === 0
                        ? t('ex.partners.knowsNothing')
                        : known.map((k) => (
                            <span key={k.device} className="ex-knows">
                              {t('ex.partners.knows', { has: formatNumber(k.has, locale), of: formatNumber(k.of, locale), device: k.device })}
                            </span>
                          ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
