// Conflicten: both sides of each (the competing values and the devices that wrote them, or the commitments
// that lapsed), who can resolve it, and for our own the choice, which main records as a signed change.
import { useState } from 'react';
import type { Conflict } from '../../../shared/api/exchange';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { LoadStatus } from '../../components/load-status';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { formatInstant } from './words';
import { conflictText } from '../problems/problem-text';
import { ExchangeSection } from './exchange-section';

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

export function ConflictsPanel({ ownGemeente, version, onChanged, announce }: { ownGemeente: string; version: number; onChanged(): void; announce(text: string): void }) {
  const { t, locale } = useI18n();
  const { data: conflicts, error: loadError } = useApiQuery(() => api().call('conflicts.list', {}), [], version);
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState<string>();
  const shownError = failure ?? loadError;

  async function resolve(conflict: Conflict, choice: number) {
    setBusy(conflict.key);
    setFailure(undefined);
    try {
      await api().call('conflicts.resolve', { key: conflict.key, choice });
      announce(t('ex.conflicts.resolved'));
      onChanged();
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <ExchangeSection id="conflicten" titleId="ex-conflicts-title" title={t('ex.conflicts.title')} intro={t('ex.conflicts.intro')}>
      <LoadStatus items={conflicts} error={shownError} loading={t('ex.conflicts.loading')} empty={t('ex.conflicts.none')} />
      {conflicts && conflicts.length > 0 && (
        <ul className="ex-conflicts">
          {conflicts.map((c) => {
            const ours = c.resolvableBy === ownGemeente;
            return (
              <li key={c.key} className="panel panel--warning ex-conflict">
                <p className="ex-conflict__message">{conflictText(c, locale, t)}</p>
                <p className="ex-conflict__who">
                  {t('ex.conflicts.by', { gemeente: gemeenteName(c.resolvableBy) })}. {ours ? t('ex.conflicts.ours') : t('ex.conflicts.theirs', { gemeente: gemeenteName(c.resolvableBy) })}
                </p>
                {c.kind === 'concurrent_edit' && (
                  <ul className="ex-conflict__values">
                    {c.values.map((v, i) => (
                      <li key={`${v.device}-${v.hlc}`}>
                        {t('ex.conflicts.value', { value: shown(v.value), device: v.device, when: formatInstant(v.hlc, locale) })}
                        {i === 0 && <em> ({t('ex.conflicts.shown')})</em>}
                        {ours && (
                          <>
                            {' '}
                            <button type="button" className="button button--secondary button--small" disabled={busy !== undefined} onClick={() => void resolve(c, i)}>
                              {t('ex.conflicts.keep')}
                              <span className="visually-hidden">: {shown(v.value)}</span>
                            </button>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {c.kind === 'commitment_lapsed' && (
                  <>
                    <p>{t('ex.conflicts.records', { count: c.records?.length ?? 0 })}</p>
                    {ours && (
                      <button type="button" className="button button--secondary" disabled={busy !== undefined} onClick={() => void resolve(c, 0)}>
                        {t('ex.conflicts.withdraw')}
                      </button>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </ExchangeSection>
  );
}
