// Bestand maken voor partners: choose the recipients (by default every partner with news for them), see what
// goes along per gemeente and kind, and save the file (save dialog on the desktop, a download in a browser).
import { useEffect, useId, useRef, useState } from 'react';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api, type ApiCallError } from '../../api/client';
import { asApiCallError } from '../../api/api-call-error';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { LoadStatus } from '../../components/load-status';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { exportAndSave } from './file-transfer';
import { useExchangeStore } from './exchange-store';
import { kindLabel } from './words';
import { ExchangeSection } from './exchange-section';

export function ExportPanel({ version, onChanged, announce }: { version: number; onChanged(): void; announce(text: string): void }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  const fullId = useId();
  const [chosen, setChosen] = useState<string[] | undefined>();
  const [full, setFull] = useState(false);
  const [encrypt, setEncrypt] = useState(false);
  const [busy, setBusy] = useState(false);
  /** A refused save shows beside the button that was pressed, not at the top of the section. */
  const [saveFailure, setSaveFailure] = useState<ApiCallError>();
  const saveRef = useRef<HTMLButtonElement>(null);

  // Partners and their news; the default choice is every partner with news for it.
  const { data: outbox, error: outboxError } = useApiQuery(() => api().call('exchange.outbox', {}), [], version);
  useEffect(() => {
    if (outbox) setChosen(outbox.selection.to);
  }, [outbox]);

  // What the current choice would carry.
  const { data: carried, error: selectionError } = useApiQuery(async () => (chosen ? (await api().call('exchange.outbox', { to: chosen, full })).selection : undefined), [chosen, full]);
  const selection = carried ?? outbox?.selection;
  const failure = outboxError ?? selectionError;

  const command = useExchangeStore((s) => s.command);
  useEffect(() => {
    if (command !== 'export') return;
    useExchangeStore.getState().takeCommand();
    document.getElementById('versturen')?.scrollIntoView();
    saveRef.current?.focus();
  }, [command]);

  function toggle(gemeente: string, on: boolean) {
    setChosen((current) => {
      const set = new Set(current ?? []);
      if (on) set.add(gemeente);
      else set.delete(gemeente);
      return (outbox?.partners ?? []).map((p) => p.gemeente).filter((g) => set.has(g));
    });
  }

  async function save() {
    if (!chosen || chosen.length === 0 || !selection) return;
    setBusy(true);
    setSaveFailure(undefined);
    try {
      const made = await exportAndSave({ to: chosen, full, encrypt, suggestedFileName: selection.suggestedFileName });
      if (made) {
        announce(t('ex.export.saved', { name: made.fileName, count: n(made.entries), to: made.to.map(gemeenteName).join(', ') }));
        onChanged();
      } else {
        announce(t('ex.export.cancelled'));
      }
    } catch (err) {
      setSaveFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  const partners = outbox?.partners ?? [];
  const nothingChosen = !chosen || chosen.length === 0;
  return (
    <ExchangeSection id="versturen" titleId="ex-export-title" title={t('ex.export.title')} intro={t('ex.export.intro')}>
      <LoadStatus items={outbox ? partners : undefined} error={failure} loading={t('ex.export.loading')} empty={t('ex.export.noPartners')} />
      {outbox && partners.length > 0 && (
        <>
          <fieldset className="ex-fieldset">
            <legend>{t('ex.export.recipients')}</legend>
            {partners.map((p) => (
              <div className="ex-check" key={p.gemeente}>
                <input type="checkbox" id={`${fullId}-${p.gemeente}`} checked={chosen?.includes(p.gemeente) ?? false} onChange={(e) => toggle(p.gemeente, e.target.checked)} />
                <label htmlFor={`${fullId}-${p.gemeente}`}>
                  <strong>{p.gemeenteName}</strong> — {p.entries > 0 ? t('ex.export.news', { count: n(p.entries) }) : t('ex.export.noNews')}
                </label>
              </div>
            ))}
            <div className="ex-check ex-check--extra">
              <input type="checkbox" id={`${fullId}-full`} checked={full} onChange={(e) => setFull(e.target.checked)} />
              <label htmlFor={`${fullId}-full`}>{t('ex.export.full')}</label>
            </div>
            <div className="ex-check">
              <input type="checkbox" id={`${fullId}-encrypt`} checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
              <label htmlFor={`${fullId}-encrypt`}>{t('ex.export.encrypt')}</label>
            </div>
          </fieldset>

          <h3>{t('ex.export.what')}</h3>
          <div aria-live="polite" data-testid="export-what">
            {nothingChosen && <p>{t('ex.export.whatNone')}</p>}
            {!nothingChosen && selection && selection.entries === 0 && <p>{t('ex.export.whatEmpty')}</p>}
            {!nothingChosen && selection && selection.entries > 0 && (
              <>
                <ul className="ex-what">
                  {selection.perGemeente.map((g) => (
                    <li key={g.gemeente}>
                      <strong>{g.gemeenteName}</strong>:{' '}
                      {Object.entries(g.kinds)
                        .map(([kind, count]) => `${kindLabel(kind, t)} (${n(count)})`)
                        .join(', ')}
                    </li>
                  ))}
                </ul>
                <p>{t('ex.export.total', { count: n(selection.entries) })}</p>
              </>
            )}
          </div>
          {!nothingChosen && selection && (
            <p>
              {t('ex.export.fileName')}: <code className="path">{selection.suggestedFileName}</code>
            </p>
          )}
          <div className="form__actions">
            <button ref={saveRef} type="button" className="button" disabled={busy || nothingChosen} onClick={() => void save()}>
              {busy ? t('ex.export.busy') : t('ex.export.save')}
            </button>
          </div>
          {saveFailure && <ErrorPanel error={saveFailure} title={t('ex.export.refused')} focus />}
        </>
      )}
    </ExchangeSection>
  );
}
