// Bestand inlezen: choose a plan file (dialog, picker, drop, or opened with the app), let main check it with
// a visible progress, show the preview, and apply it only after "Inlezen". A refused file says why.
import { ImportProgress } from '../postbus/import-progress';
import { useCallback, useEffect, useEffectEvent, useRef, useState, type ChangeEvent } from 'react';
import type { ImportPreview } from '../../../shared/api/exchange';
import { api, ApiCallError } from '../../api/client';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { useUiStore } from '../../state/ui-store';
import { chooseWithDialog, desktop, FileNotTaken, offerFile, type OfferedFile } from './file-transfer';
import { useExchangeStore } from './exchange-store';
import { ImportPreviewView } from './import-preview';
import { ExchangeSection } from './exchange-section';

type Step =
  | { step: 'idle' }
  | { step: 'working'; stage: 'uploading' | 'checking' | 'applying'; name: string }
  | { step: 'preview'; file: OfferedFile; preview: ImportPreview }
  | { step: 'refused'; name: string | undefined; error: ApiCallError };

export function ImportPanel({ own, onChanged, announce }: { own: string; onChanged(): void; announce(text: string): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const focusRef = useRef<HTMLHeadingElement>(null);
  const shell = desktop();
  const busy = state.step === 'working';

  // Each new step puts the keyboard at its heading, so the result is read out and reachable.
  useEffect(() => {
    if (state.step === 'preview' || state.step === 'refused') focusRef.current?.focus();
  }, [state.step]);

  const clearNotice = useUiStore((s) => s.clearNotice);

  const check = useCallback(
    async (file: OfferedFile) => {
      // The previous result's message would only confuse next to a new file.
      clearNotice();
      setState({ step: 'working', stage: 'checking', name: file.name });
      try {
        const preview = await api().call('exchange.previewFile', { fileId: file.fileId });
        setState({ step: 'preview', file, preview });
      } catch (err) {
        setState({ step: 'refused', name: file.name, error: asApiCallError(err) });
        void api()
          .call('exchange.discardFile', { fileId: file.fileId })
          .catch(() => undefined);
      }
    },
    [clearNotice],
  );

  const take = useCallback(
    async (file: File) => {
      clearNotice();
      setState({ step: 'working', stage: 'uploading', name: file.name });
      let offered: OfferedFile;
      try {
        offered = await offerFile(file);
      } catch (err) {
        if (err instanceof FileNotTaken) {
          const text = err.reason === 'too_large' ? t('ex.import.tooLarge', { name: err.fileName }) : t('ex.import.notPlan', { name: err.fileName });
          setState({ step: 'refused', name: file.name, error: new ApiCallError('bad_file', text) });
        } else {
          setState({ step: 'refused', name: file.name, error: asApiCallError(err) });
        }
        return;
      }
      await check(offered);
    },
    [check, clearNotice, t],
  );

  // Files that reached the screen from outside: opened with the app, dropped on another screen, the menu.
  const opened = useExchangeStore((s) => s.opened);
  const dropped = useExchangeStore((s) => s.dropped);
  const command = useExchangeStore((s) => s.command);
  useEffect(() => {
    if (busy) return;
    const file = useExchangeStore.getState().takeOpened();
    if (file) void check(file);
  }, [opened, busy, check]);
  useEffect(() => {
    if (busy) return;
    const file = useExchangeStore.getState().takeDropped();
    if (file) void take(file);
  }, [dropped, busy, take]);

  async function choose() {
    if (shell) {
      const file = await chooseWithDialog(shell);
      if (file) await check(file);
    } else {
      inputRef.current?.click();
    }
  }

  // The menu's "Bestand openen": the chooser with what choose() reads now (the shell, the latest check).
  const chooseOnCommand = useEffectEvent(() => void choose());
  useEffect(() => {
    if (command !== 'import' || busy) return;
    useExchangeStore.getState().takeCommand();
    chooseOnCommand();
  }, [command, busy]);

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void take(file);
  }

  async function apply(file: OfferedFile) {
    setState({ step: 'working', stage: 'applying', name: file.name });
    try {
      const result = await api().call('exchange.importFile', { fileId: file.fileId });
      setState({ step: 'idle' });
      announce(t('ex.import.done', { gemeente: result.sender.gemeenteName, count: result.entries.new }));
      onChanged();
    } catch (err) {
      setState({ step: 'refused', name: file.name, error: asApiCallError(err) });
    }
  }

  function cancel(file: OfferedFile) {
    void api()
      .call('exchange.discardFile', { fileId: file.fileId })
      .catch(() => undefined);
    setState({ step: 'idle' });
    announce(t('ex.import.cancelled'));
  }

  return (
    <ExchangeSection id="inlezen" titleId="ex-import-title" title={t('ex.import.title')} intro={t('ex.import.intro')}>
      {(state.step === 'idle' || state.step === 'refused') && (
        <div
          className={dragging ? 'ex-drop ex-drop--active' : 'ex-drop'}
          data-testid="drop-zone"
          onDragEnter={() => setDragging(true)}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            // Taken here rather than by the window's listener, which would route to this screen again.
            event.preventDefault();
            event.stopPropagation();
            setDragging(false);
            const file = event.dataTransfer.files[0];
            if (file) void take(file);
          }}
          onDragOver={(event) => event.preventDefault()}
        >
          <button type="button" className="button" onClick={() => void choose()}>
            {t('ex.import.choose')}
          </button>
          {!shell && <input ref={inputRef} type="file" accept=".regie" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={picked} data-testid="plan-file-input" />}
          <span className="ex-drop__hint">{dragging ? t('ex.import.dropHere') : t('ex.import.drop')}</span>
        </div>
      )}

      {state.step === 'working' && (
        <div className="panel panel--info ex-progress" role="status" aria-live="polite">
          <progress aria-label={t('ex.import.progress')} />
          <p>
            {state.stage === 'uploading'
              ? t('ex.import.uploading', { name: state.name })
              : state.stage === 'checking'
                ? t('ex.import.checking', { name: state.name })
                : t('ex.import.applying', { name: state.name })}
          </p>
          {state.stage === 'applying' && <ImportProgress />}
        </div>
      )}

      {state.step === 'refused' && state.error.code === 'already_imported' && (
        <div className="panel panel--info" role="status" data-testid="import-already">
          <h3 ref={focusRef} tabIndex={-1} className="panel__title">
            {t('ex.import.alreadyTitle')}
          </h3>
          {state.name && <p className="ex-file-name">{state.name}</p>}
          <RefusalText error={state.error} />
        </div>
      )}

      {state.step === 'refused' && state.error.code !== 'already_imported' && (
        <div className="panel panel--error" role="alert" data-testid="import-refused">
          <h3 ref={focusRef} tabIndex={-1} className="panel__title">
            {t('ex.import.refusedTitle')}
          </h3>
          {state.name && <p className="ex-file-name">{state.name}</p>}
          <RefusalText error={state.error} />
          <p>{t('ex.import.refusedNext')}</p>
        </div>
      )}

      {state.step === 'preview' && (
        <div className="panel ex-preview-panel" aria-labelledby="ex-preview-title">
          <h3 id="ex-preview-title" ref={focusRef} tabIndex={-1} className="panel__title">
            {t('ex.preview.title')}
          </h3>
          <p className="ex-file-name">{state.file.name}</p>
          <ImportPreviewView preview={state.preview} headingId="ex-preview" own={own} />
          <p>{t('ex.preview.confirmNote')}</p>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => void apply(state.file)}>
              {t('ex.preview.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => cancel(state.file)}>
              {t('ex.preview.cancel')}
            </button>
          </div>
        </div>
      )}
    </ExchangeSection>
  );
}

/** The refusal's text, inside the panel that already carries role=alert. */
function RefusalText({ error }: { error: ApiCallError }) {
  const { t, locale } = useI18n();
  return <p data-testid="refusal-reason">{error.code === 'unreachable' ? t('error.unreachable') : error.say(locale)}</p>;
}
