// Vaststellen for the chosen gemeente pair and period: the vastgesteld statement with both signatures, the
// proposals waiting for a signature, the corrections of earlier vastgesteld periods that this period carries,
// and the buttons to propose or sign. Every figure comes from main; a refusal is shown with what to do next.
import { useState } from 'react';
import type { StatementContent, StatementSummary } from '../../../shared/settlement/statement-types';
import { dutchDate, type Period } from '../../../shared/reports/period';
import { api } from '../../api/client';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { Facts } from '../../components/facts';
import { ReportTable } from './report-table';
import { periodParts } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { DownloadButton, type DownloadOutcome } from './download-button';
import { hoursText, moneyText } from './format';

function Corrections({ content }: { content: StatementContent }) {
  const { t, locale } = useI18n();
  if (content.corrections.length === 0) return <p>{t('settle.noCorrections')}</p>;
  return (
    <ReportTable
      caption={t('settle.corrections')}
      rows={content.corrections}
      rowKey={(k) => `${k.corrects.number}|${k.commitmentId}`}
      rowHeader={2}
      columns={[
        { label: t('settle.col.corrects'), className: 'nowrap', cell: (k) => k.corrects.number },
        { label: t('reports.col.shift'), className: 'nowrap', cell: (k) => `${periodParts(k.start, k.end, locale).join('')} · ${k.eventName}` },
        { label: t('reports.col.officer'), cell: (k) => k.officerName },
        { label: t('settle.col.kind'), cell: (k) => t(`settle.kind.${k.kind}`) },
        { label: t('settle.col.reason'), cell: (k) => k.reason },
        { label: t('settle.col.by'), cell: (k) => (k.on ? t('settle.byOn', { name: k.byName, date: dutchDate(k.on) }) : k.byName) },
        { label: t('reports.col.hours'), num: true, cell: (k) => hoursText(k.minutes, locale) },
        { label: t('reports.col.amount'), num: true, cell: (k) => moneyText(k.amountCents, locale) },
      ]}
    />
  );
}

function Figures({ content, names }: { content: StatementContent; names: Record<string, string> }) {
  const { t, locale } = useI18n();
  const minutes = content.lines.reduce((s, l) => s + l.minutes, 0);
  return (
    <Facts
      items={[
        [t('settle.number'), content.number],
        [t('settle.lines'), t('settle.linesValue', { count: content.lines.length, hours: hoursText(minutes, locale) })],
        [
          t('settle.due'),
          content.due.length
            ? content.due.map((d) => t('settle.dueValue', { amount: moneyText(d.amountCents, locale), host: names[d.host] ?? d.host, provider: names[d.provider] ?? d.provider })).join('; ')
            : '–',
        ],
        ...(content.balance
          ? [
              [
                t('settle.balance'),
                t('settle.balanceValue', {
                  opening: hoursText(content.balance.openingMinutes, locale),
                  period: hoursText(content.balance.periodMinutes, locale),
                  corrections: hoursText(content.balance.correctionMinutes, locale),
                  closing: hoursText(content.balance.closingMinutes, locale),
                }),
              ] as const,
            ]
          : []),
      ]}
    />
  );
}

function Signatures({ summary }: { summary: StatementSummary }) {
  const { t } = useI18n();
  return (
    <ul className="settle-signatures">
      {[summary.a, summary.b].map((code) => {
        const s = summary.signatures.find((x) => x.gemeente === code);
        const name = code === summary.a ? summary.aName : summary.bName;
        return <li key={code}>{s ? t('settle.signedBy', { name, date: s.signedAt.slice(0, 10), fingerprint: s.fingerprint }) : t('settle.notSigned', { name })}</li>;
      })}
    </ul>
  );
}

export function VaststellenSection({ pair, period, own, onOutcome }: { pair: [string, string]; period: Period; own: string; onOutcome: (o: DownloadOutcome) => void }) {
  const { t } = useI18n();
  const [a, b] = pair;
  const { from, to } = period;
  const { data: panel, error, refresh } = useApiQuery(() => api().call('settle.panel', { pair: [a, b], from, to }), [a, b, from, to]);
  const [refusal, setRefusal] = useState<ApiCallError | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const act = async (run: () => Promise<StatementSummary>, message: (s: StatementSummary) => string) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const s = await run();
      setDone(message(s));
      void refresh();
    } catch (err) {
      setRefusal(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  };
  const propose = () =>
    act(
      () => api().call('settle.propose', { pair, ...period }),
      (s) => t('settle.proposed', { number: s.number }),
    );
  const sign = (s: StatementSummary) =>
    act(
      () => api().call('settle.sign', { id: s.id, contentHash: s.contentHash }),
      (r) => (r.status === 'vastgesteld' ? t('settle.nowFixed', { number: r.number }) : t('settle.signed', { number: r.number })),
    );

  if (error) return <ErrorPanel error={error} onRetry={() => void refresh()} />;
  if (!panel) return null;
  const fixed = panel.vastgesteld;
  const names = { [panel.a]: panel.aName, [panel.b]: panel.bName };
  return (
    <section className="report-section" aria-labelledby="report-vaststellen">
      <h2 id="report-vaststellen">{t('settle.heading', { a: panel.aName, b: panel.bName })}</h2>
      <p role="status" className="report-status">
        {done}
      </p>
      {refusal && (
        <div className="settle-refusal">
          <ErrorPanel error={refusal} />
          {panel.party && !fixed && (
            <button type="button" className="button" disabled={busy} onClick={() => void propose()}>
              {t('settle.proposeFresh')}
            </button>
          )}
        </div>
      )}
      {fixed ? (
        <div className="settle-fixed">
          <p className="settle-state settle-state--fixed">{t('settle.state.fixed', { number: fixed.summary.number })}</p>
          <Signatures summary={fixed.summary} />
          <Figures content={fixed.content} names={names} />
          <Corrections content={fixed.content} />
          <div className="report-actions">
            <DownloadButton label={t('settle.download.pdf')} fetchFile={() => api().call('settle.file', { id: fixed.summary.id, format: 'pdf' })} onOutcome={onOutcome} />
            <DownloadButton label={t('settle.download.csv')} fetchFile={() => api().call('settle.file', { id: fixed.summary.id, format: 'csv' })} onOutcome={onOutcome} secondary />
          </div>
          <p className="field__hint">{t('settle.fixedHint')}</p>
        </div>
      ) : (
        <div className="settle-open">
          <p className="settle-state">{panel.proposals.length ? t('settle.state.proposed') : t('settle.state.open')}</p>
          {panel.proposals.map((s) => {
            const mine = s.signatures.some((x) => x.gemeente === own);
            return (
              <article key={s.id} className="settle-proposal" aria-label={t('settle.proposalOf', { name: s.proposerName, number: s.number })}>
                <h3>{t('settle.proposalOf', { name: s.proposerName, number: s.number })}</h3>
                <Signatures summary={s} />
                {s.stale && <p className="settle-stale">{t('settle.stale')}</p>}
                <div className="report-actions">
                  {panel.party && !mine && (
                    <button type="button" className="button" disabled={busy} onClick={() => void sign(s)}>
                      {t('settle.sign')}
                    </button>
                  )}
                  <DownloadButton label={t('settle.download.pdf')} fetchFile={() => api().call('settle.file', { id: s.id, format: 'pdf' })} onOutcome={onOutcome} secondary />
                </div>
              </article>
            );
          })}
          <h3>{t('settle.freshHeading')}</h3>
          <Figures content={panel.fresh} names={names} />
          <Corrections content={panel.fresh} />
          {panel.party ? (
            <div className="report-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void propose()}>
                {t('settle.propose')}
              </button>
              <p className="field__hint">{t('settle.proposeHint')}</p>
            </div>
          ) : (
            <p className="field__hint">{t('settle.notParty')}</p>
          )}
        </div>
      )}
    </section>
  );
}
