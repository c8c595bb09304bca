// Partners: this device's fingerprint (large, in groups) and identity card, reading a partner's card with the
// guided comparison, and the partner gemeenten with their laptops, what was exchanged and what each is known to have.
import { useRef, useState, type ChangeEvent } from 'react';
import type { Identity } from '../../../shared/api/contract';
import type { CardInfo } from '../../../shared/api/exchange';
import { api, ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { Fingerprint } from '../../components/fingerprint';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { saveBlob } from './file-transfer';
import { TrustCard } from './trust-card';
import { PartnerGemeenten } from './partner-gemeenten';
import { ExchangeSection } from './exchange-section';

interface Props {
  identity: Identity;
  version: number;
  onChanged(): void;
  announce(text: string): void;
}

const MAX_CARD_BYTES = 16 * 1024;

export function PartnersPanel({ identity, version, onChanged, announce }: Props) {
  const { t } = useI18n();
  const { data, error: loadError } = useApiQuery(
    async () => {
      const [gemeenten, box, gemeenteKey] = await Promise.all([api().call('partners.gemeenten', {}), api().call('exchange.outbox', {}), api().call('gemeente.key', {})]);
      return { gemeenten, gemeenteKey, knows: new Map(box.partners.map((p) => [p.gemeente, p])) };
    },
    [],
    version,
  );
  const gemeenten = data?.gemeenten;
  const gemeenteKey = data?.gemeenteKey;
  const knows = data?.knows ?? new Map<string, never>();
  const [failure, setFailure] = useState<ApiCallError>();
  const [inspecting, setInspecting] = useState<{ card: CardInfo; content: string }>();
  const shownError = failure ?? loadError;
  const inputRef = useRef<HTMLInputElement>(null);
  const readButtonRef = useRef<HTMLButtonElement>(null);

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

  return (
    <ExchangeSection id="partners" titleId="ex-partners-title" title={t('ex.partners.title')}>
      <div className="panel ex-own">
        {gemeenteKey?.fingerprint ? (
          // With a gemeente key, partners compare the gemeente's fingerprint (once), not this laptop's.
          <>
            <h3 className="panel__title">{t('pg.own')}</h3>
            <p>{t('pg.ownFor', { gemeente: identity.gemeenteName })}</p>
            <Fingerprint value={gemeenteKey.fingerprint} />
          </>
        ) : (
          <>
            <h3 className="panel__title">{t('ex.partners.own')}</h3>
            <p>{t('ex.partners.ownFor', { gemeente: identity.gemeenteName, device: identity.deviceLabel })}</p>
            <Fingerprint value={identity.fingerprint} />
          </>
        )}
        <p>{t('ex.partners.saveCardHint')}</p>
        <button type="button" className="button button--secondary" onClick={() => void saveCard()}>
          {t('ex.partners.saveCard')}
        </button>
      </div>

      {shownError && <ErrorPanel error={shownError} />}

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
          <input
            ref={inputRef}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => void readCard(e)}
            data-testid="card-file-input"
          />
          <p className="field__hint">{t('ex.partners.readCardHint')}</p>
        </div>
      )}

      <h3>{t('pg.list')}</h3>
      {gemeenten && <PartnerGemeenten identity={identity} gemeenten={gemeenten} knows={knows} />}
    </ExchangeSection>
  );
}
