// The guided comparison of a partner's fingerprint: call the contact, compare group by group, and trust the
// device only when every group matches. One group that differs stops it.
import { useEffect, useRef, useState } from 'react';
import type { CardInfo } from '../../../shared/api/exchange';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';

type Verdict = 'matches' | 'differs';

interface Props {
  card: CardInfo;
  content: string;
  onTrusted(info: CardInfo & { released: number }): void;
  onCancel(): void;
}

export function TrustCard({ card, content, onTrusted, onCancel }: Props) {
  const { t } = useI18n();
  const groups = card.fingerprint.split(/\s+/).filter(Boolean);
  const [verdicts, setVerdicts] = useState<(Verdict | undefined)[]>(() => groups.map(() => undefined));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const done = verdicts.filter(Boolean).length;
  const mismatch = verdicts.includes('differs');
  const allMatch = done === groups.length && !mismatch;

  async function trust() {
    setBusy(true);
    setFailure(undefined);
    try {
      onTrusted(await api().call('partners.trust', { content, fingerprint: card.fingerprint }));
    } catch (err) {
      setFailure(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <div className="panel panel--info ex-trust" role="region" aria-labelledby="ex-trust-title" data-testid="trust-card">
      <h3 id="ex-trust-title" ref={headingRef} tabIndex={-1} className="panel__title">
        {t('ex.trust.title')}
      </h3>
      <p>{t('ex.trust.card', { gemeente: card.gemeenteName, device: card.deviceLabel })}</p>
      {card.trusted ? (
        <>
          <p>{t('ex.trust.known')}</p>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('ex.trust.cancel')}
          </button>
        </>
      ) : (
        <>
          <p className="ex-trust__call">{t('ex.trust.call', { gemeente: card.gemeenteName })}</p>
          <ol className="ex-trust__groups">
            {groups.map((digits, i) => (
              <li key={i}>
                <fieldset className="ex-trust__group">
                  <legend>
                    {t('ex.trust.group', { n: i + 1 })}: <span className="ex-trust__digits">{digits}</span>
                  </legend>
                  {(['matches', 'differs'] as const).map((v) => (
                    <label key={v} className="ex-radio">
                      <input type="radio" name={`ex-trust-group-${i}`} value={v} checked={verdicts[i] === v} onChange={() => setVerdicts((cur) => cur.map((x, j) => (j === i ? v : x)))} />
                      {v === 'matches' ? t('ex.trust.matches') : t('ex.trust.differs')}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
          <p aria-live="polite">{t('ex.trust.progress', { done, total: groups.length })}</p>
          {mismatch && (
            <div className="panel panel--error" role="alert">
              <p>{t('ex.trust.mismatch')}</p>
            </div>
          )}
          {failure && <ErrorPanel error={failure} />}
          <div className="form__actions">
            {!mismatch && (
              <button type="button" className="button" disabled={!allMatch || busy} onClick={() => void trust()}>
                {t('ex.trust.confirm')}
              </button>
            )}
            <button type="button" className="button button--secondary" disabled={busy} onClick={onCancel}>
              {mismatch ? t('ex.trust.stop') : t('ex.trust.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
