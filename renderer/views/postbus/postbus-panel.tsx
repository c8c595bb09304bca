// Uitwisselen › Postbus: choose the shared folder, see which partners write there and since when, switch
// automatic import per partner, open a waiting file in the usual preview, and read the postbus's log.
import { useEffect, useId, useState } from 'react';
import { api, type ApiCallError } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { useExchangeStore } from '../exchange/exchange-store';
import { formatInstant } from '../exchange/words';
import { TableHead } from '../../components/table-head';
import { usePostbusStore } from './postbus-store';
import { desktop } from '../exchange/file-transfer';
import { ImportProgress } from './import-progress';
import './postbus.css';
import { ExchangeSection } from '../exchange/exchange-section';
import { Facts } from '../../components/facts';

export function PostbusPanel({ announce, version }: { announce(text: string): void; version: number }) {
  const { t, locale } = useI18n();
  const id = useId();
  const status = usePostbusStore((s) => s.status);
  const setStatus = usePostbusStore((s) => s.set);
  const follow = usePostbusStore((s) => s.follow);
  const load = usePostbusStore((s) => s.load);
  const [dir, setDir] = useState('');
  const [mode, setMode] = useState<'partner' | 'all'>('partner');
  const [encrypt, setEncrypt] = useState(false);
  const [failure, setFailure] = useState<ApiCallError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => follow(), [follow]);
  useEffect(() => void load(), [version, load]);
  // The form starts from what is set.
  // Only when the setting itself changes, not on every look.
  const configuredDir = status?.dir ?? '';
  const configuredMode = status?.mode;
  const configuredEncrypt = status?.encrypt;
  useEffect(() => {
    if (configuredMode === undefined || configuredEncrypt === undefined) return;
    setDir(configuredDir);
    setMode(configuredMode);
    setEncrypt(configuredEncrypt);
  }, [configuredDir, configuredMode, configuredEncrypt]);

  const when = (iso: string | null) => (iso ? formatInstant(iso, locale) : t('pb.never'));

  async function act(work: () => Promise<void>) {
    setFailure(undefined);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  // The desktop app opens the system's folder chooser; a browser cannot hand a folder's path to Regie.
  const shell = desktop();
  const chooseFolder = shell?.openFolderDialog
    ? () =>
        act(async () => {
          const chosen = await shell.openFolderDialog();
          if (chosen) {
            setDir(chosen);
            announce(t('pb.chosen', { dir: chosen }));
          }
        })
    : undefined;

  const save = () =>
    act(async () => {
      const s = await api().call('postbus.set', { dir: dir.trim(), mode, encrypt });
      setStatus(s);
      announce(t('pb.saved', { dir: s.dir ?? '' }));
    });
  const stop = () =>
    act(async () => {
      setStatus(await api().call('postbus.set', { dir: null }));
      announce(t('pb.stopped'));
    });
  const runNow = () =>
    act(async () => {
      const r = await api().call('postbus.run', {});
      await load();
      announce(t('pb.ran', { written: r.written.length, read: r.read.filter((o) => o.state === 'applied' || o.state === 'waiting').length }));
    });
  const setAuto = (gemeente: string, gemeenteName: string, on: boolean) =>
    act(async () => {
      setStatus(await api().call('postbus.auto', { gemeente, on }));
      announce(on ? t('pb.autoOn', { gemeente: gemeenteName }) : t('pb.autoOff', { gemeente: gemeenteName }));
    });
  const view = (name: string) =>
    act(async () => {
      const offered = await api().call('postbus.open', { name });
      useExchangeStore.getState().open({ fileId: offered.fileId, name: offered.fileName });
      document.getElementById('inlezen')?.scrollIntoView();
    });

  return (
    <ExchangeSection id="postbus" titleId="pb-title" title={t('pb.title')} intro={t('pb.intro')}>
      {failure && <ErrorPanel error={failure} />}

      <form
        className="pb-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-dir`} className="field__label">
            {t('pb.dir')}
          </label>
          <div className="pb-dir">
            <input id={`${id}-dir`} type="text" className="input" value={dir} onChange={(e) => setDir(e.target.value)} aria-describedby={`${id}-dir-hint`} spellCheck={false} />
            {chooseFolder && (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void chooseFolder()}>
                {t('pb.choose')}
              </button>
            )}
          </div>
          <p id={`${id}-dir-hint`} className="field__hint">
            {t('pb.dirHint')} {chooseFolder ? '' : t('pb.noPicker')}
          </p>
        </div>
        <fieldset className="ex-fieldset">
          <legend>{t('pb.mode')}</legend>
          {(['partner', 'all'] as const).map((m) => (
            <div className="ex-check" key={m}>
              <input type="radio" name={`${id}-mode`} id={`${id}-mode-${m}`} checked={mode === m} onChange={() => setMode(m)} />
              <label htmlFor={`${id}-mode-${m}`}>{t(`pb.mode.${m}`)}</label>
            </div>
          ))}
          <div className="ex-check ex-check--extra">
            <input type="checkbox" id={`${id}-encrypt`} checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
            <label htmlFor={`${id}-encrypt`}>{t('pb.encrypt')}</label>
          </div>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy || dir.trim() === ''}>
            {t('pb.save')}
          </button>
          {status?.configured && (
            <>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void runNow()}>
                {t('pb.runNow')}
              </button>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void stop()}>
                {t('pb.stop')}
              </button>
            </>
          )}
        </div>
      </form>

      {status?.configured && (
        <>
          <h3>{t('pb.state')}</h3>
          <Facts
            className="pb-state"
            testId="postbus-state"
            items={[
              [t('pb.lastWritten'), when(status.lastWritten)],
              [t('pb.lastRead'), when(status.lastRead)],
            ]}
          />
          {status.error && (
            <p className="panel panel--error" role="alert">
              {status.error.message}
            </p>
          )}
          {status.busy && (
            <div className="panel panel--info" role="status">
              <progress aria-label={t('ex.import.progress')} max={status.busy.total} value={status.busy.done} />
              <p>{t('pb.busy', { name: status.busy.name, done: status.busy.done + 1, total: status.busy.total })}</p>
              <ImportProgress />
            </div>
          )}

          <h3>{t('pb.waiting')}</h3>
          {status.waiting.length === 0 ? (
            <p>{t('pb.waitingNone')}</p>
          ) : (
            <ul className="pb-waiting" data-testid="postbus-waiting">
              {status.waiting.map((w) => (
                <li key={w.name}>
                  <p>
                    <strong>{t('pb.waitingFrom', { gemeente: w.gemeenteName ?? '?', name: w.name })}</strong>
                  </p>
                  <p>{w.reason}</p>
                  <button type="button" className="button button--secondary" aria-label={t('pb.viewLabel', { name: w.name })} disabled={busy} onClick={() => void view(w.name)}>
                    {t('pb.view')}
                  </button>
                </li>
              ))}
            </ul>
          )}

          {status.partners.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <caption className="ex-caption">{t('pb.partners')}</caption>
                <TableHead columns={[t('pb.col.partner'), t('pb.col.seen'), t('pb.col.auto')]} />
                <tbody>
                  {status.partners.map((p) => (
                    <tr key={p.gemeente}>
                      <th scope="row">
                        {p.gemeenteName}
                        {!p.trusted && ` (${t('pb.untrusted')})`}
                      </th>
                      <td>{p.firstSeen ? t('pb.seen', { first: when(p.firstSeen), last: when(p.lastSeen) }) : t('pb.notSeen')}</td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('pb.autoLabel', { gemeente: p.gemeenteName })}
                          checked={p.auto}
                          disabled={busy || !p.trusted}
                          onChange={(e) => void setAuto(p.gemeente, p.gemeenteName, e.target.checked)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <details className="pb-log">
            <summary>{t('pb.log')}</summary>
            {status.log.length === 0 ? (
              <p>{t('pb.logEmpty')}</p>
            ) : (
              <ul data-testid="postbus-log">
                {status.log.map((l, i) => (
                  <li key={`${l.at}-${i}`}>
                    <time dateTime={l.at}>{formatInstant(l.at, locale)}</time> {l.name && <code className="path">{l.name}</code>} {l.message}
                  </li>
                ))}
              </ul>
            )}
          </details>
        </>
      )}
    </ExchangeSection>
  );
}
