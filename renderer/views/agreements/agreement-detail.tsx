// One agreement: its full text, who signed which version, use against the cap per provider and month, and
// for a party: sign the text shown (its content hash), or terminate from a date.
import { useState } from 'react';
import type { Identity } from '../../../shared/api/contract';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDay, formatHours, formatMonth, todayLocal } from '../../components/coord-format';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { useUiStore } from '../../state/ui-store';
import { AgreementStatus, Signatures } from './agreement-labels';
import { signatureOf } from './agreement-status';
import { AgreementText } from './agreement-text';
import { TableHead } from '../../components/table-head';
import { Facts } from '../../components/facts';

export function AgreementDetail({ id, identity }: { id: string; identity: Identity }) {
  const { t, locale } = useI18n();
  const announce = useUiStore((s) => s.announce);
  const { data, error, refresh: load } = useApiQuery(() => Promise.all([api().call('agreements.get', { id }), api().call('agreements.usage', { id })]), [id]);
  const [read, setRead] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<ApiCallError>();
  const [terminating, setTerminating] = useState(false);
  const [terminateFrom, setTerminateFrom] = useState(todayLocal());
  const today = todayLocal();
  const path = `/afspraken/${id}`;

  if (error) return <ErrorPanel error={error} onRetry={() => void load()} />;
  if (!data) return <p role="status">{t('agreements.loading')}</p>;
  const [a, usage] = data;
  const me = identity.gemeente;
  const party = a.parties.includes(me);
  const mySignature = signatureOf(a, me);
  const own = a.signatures.find((s) => s.gemeente === me);

  async function sign() {
    setSigning(true);
    setSignError(undefined);
    try {
      // The hash of the text on screen: if it changed meanwhile, main refuses and the user reads again.
      await api().call('agreements.sign', { id: a.id, contentHash: a.contentHash });
      announce({ text: t('agreements.signed', { title: a.title }), path });
      setRead(false);
      await load();
    } catch (err) {
      setSignError(asApiCallError(err));
    } finally {
      setSigning(false);
    }
  }

  return (
    <>
      <PageHeading>{a.title}</PageHeading>
      <p>
        <a href="#/afspraken">{t('agreements.back')}</a>
      </p>
      <Facts
        items={[
          [t('agreements.col.status'), <AgreementStatus agreement={a} today={today} />],
          [
            t('agreements.col.period'),
            <>
              {formatDay(a.start, locale)} – {formatDay(a.end, locale)}
            </>,
          ],
          [t('agreements.proposer'), gemeenteName(a.proposer)],
          [t('agreements.col.signatures'), <Signatures agreement={a} />],
        ]}
      />

      <h2>{t('agreements.textTitle')}</h2>
      <AgreementText terms={a} hash={a.contentHash} />

      {party && mySignature !== 'current' && (
        <section className="panel panel--info" aria-labelledby="sign-title">
          <h2 id="sign-title" className="panel__title">
            {t('agreements.signTitle')}
          </h2>
          <p>{mySignature === 'older' ? t('agreements.signAgain') : t('agreements.signIntro')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={read} onChange={(e) => setRead(e.target.checked)} /> {t('agreements.haveRead', { hash: a.contentHash.slice(0, 12) })}
          </label>
          {signError && <ErrorPanel error={signError} onRetry={() => void load()} focus />}
          <div className="form__actions">
            <button type="button" className="button" disabled={!read || signing} onClick={() => void sign()}>
              {signing ? t('common.busy') : t('agreements.sign', { gemeente: identity.gemeenteName })}
            </button>
            {a.proposer !== me && (
              <a className="button button--secondary" href={`#/afspraken/tegenvoorstel-${a.id}`}>
                {t('agreements.counter')}
              </a>
            )}
          </div>
        </section>
      )}

      <h2>{t('agreements.useTitle')}</h2>
      {usage.length === 0 ? (
        <p>{t('agreements.unused')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('agreements.useCaption')}</caption>
            <TableHead columns={[t('agreements.col.month'), t('agreements.col.provider'), t('agreements.col.hours')]} />
            <tbody>
              {usage.map((u) => (
                <tr key={`${u.month}|${u.provider}`}>
                  <td>{formatMonth(u.month, locale)}</td>
                  <td>{gemeenteName(u.provider)}</td>
                  <td>
                    <meter className="use-meter" min={0} max={u.capHours || 1} high={u.capHours * 0.9} value={u.minutes / 60} aria-hidden="true" />{' '}
                    {t('agreements.hoursOfCap', { hours: formatHours(u.minutes, locale), cap: u.capHours })}
                    {u.minutes > u.capHours * 60 && <strong className="text-error"> {t('agreements.overCap')}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {party && !own?.terminateFrom && (
        <section aria-labelledby="terminate-title" className="terminate">
          <h2 id="terminate-title">{t('agreements.terminateTitle')}</h2>
          <p>{t('agreements.terminateIntro')}</p>
          <div className="field">
            <label htmlFor="terminate-from" className="field__label">
              {t('agreements.terminateFrom')}
            </label>
            <input id="terminate-from" type="date" className="input input--short" value={terminateFrom} onChange={(e) => setTerminateFrom(e.target.value)} />
          </div>
          <button type="button" className="button button--warning" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(terminateFrom)} onClick={() => setTerminating(true)}>
            {t('agreements.terminate')}
          </button>
        </section>
      )}
      {terminating && (
        <ConfirmDialog
          title={t('agreements.terminateConfirmTitle', { title: a.title })}
          confirmLabel={t('agreements.terminate')}
          onClose={() => setTerminating(false)}
          onConfirm={async () => {
            await api().call('agreements.terminate', { id: a.id, from: terminateFrom });
            announce({ text: t('agreements.terminated', { date: formatDay(terminateFrom, locale) }), path });
            await load();
          }}
        >
          <p>{t('agreements.terminateConfirmText', { date: formatDay(terminateFrom, locale) })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
