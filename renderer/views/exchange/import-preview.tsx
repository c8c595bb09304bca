// The preview of a plan file in plain words: who sent it, what is new and changed per gemeente and kind,
// what is refused and why, held, parked, the conflicts and rule violations it brings. Nothing has changed yet.
import type { ImportPreview } from '../../../shared/api/exchange';
import { ruleMessage } from '../../../shared/i18n/rule-messages';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { formatNumber } from '../../i18n/format';
import { useI18n, type Translate } from '../../i18n/t';
import { formatInstant, kindLabel } from './words';
import { TableHead } from '../../components/table-head';

type Change = ImportPreview['changes'][number];

interface Group {
  type: string;
  kind: 'created' | 'changed';
  count: number;
  fields: Set<string>;
}

function groupChanges(changes: Change[]): Group[] {
  const groups = new Map<string, Group>();
  for (const c of changes) {
    if (c.kind === 'unchanged') continue;
    const key = `${c.type}|${c.kind}`;
    const g = groups.get(key) ?? { type: c.type, kind: c.kind, count: 0, fields: new Set<string>() };
    g.count++;
    for (const f of c.fields) g.fields.add(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function changeLine(g: Group, t: Translate): string {
  const label = kindLabel(g.type, t);
  const what = label.charAt(0).toUpperCase() + label.slice(1);
  return g.kind === 'created'
    ? t('ex.preview.change.created', { count: g.count, what })
    : t('ex.preview.change.changed', { count: g.count, what, fields: [...g.fields].join(', ') });
}

export function ImportPreviewView({ preview, headingId }: { preview: ImportPreview; headingId: string }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  const groups = groupChanges(preview.changes);
  const shownChanges = groups.reduce((s, g) => s + g.count, 0);
  const totalChanges = preview.perGemeente.reduce((s, g) => s + g.created + g.changed, 0);
  const to = preview.to.map(gemeenteName).join(', ');

  return (
    <div className="ex-preview" data-testid="import-preview">
      <p className="lead">
        {t('ex.preview.from', { gemeente: preview.sender.gemeenteName, device: preview.sender.device, created: formatInstant(preview.created, locale), to })}
      </p>
      <p>{t('ex.preview.entries', { inFile: n(preview.entries.inFile), new: n(preview.entries.new), known: n(preview.entries.alreadyKnown) })}</p>
      {preview.entries.new === 0 && preview.held.length === 0 && preview.parked.length === 0 && <p className="panel panel--info">{t('ex.preview.nothing')}</p>}

      {preview.perGemeente.length > 0 && (
        <div className="table-wrap">
          <table className="table ex-table">
            <caption className="ex-caption">{t('ex.preview.perGemeente')}</caption>
            <TableHead columns={[t('ex.preview.col.gemeente'), t('ex.preview.col.created'), t('ex.preview.col.changed'), t('ex.preview.col.rejected')]} />
            <tbody>
              {preview.perGemeente.map((g) => (
                <tr key={g.gemeente}>
                  <th scope="row">{g.gemeenteName}</th>
                  <td>{n(g.created)}</td>
                  <td>{n(g.changed)}</td>
                  <td>{n(g.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {groups.length > 0 && (
        <section aria-labelledby={`${headingId}-changes`}>
          <h4 id={`${headingId}-changes`}>{t('ex.preview.changes')}</h4>
          <ul>
            {groups.map((g) => (
              <li key={`${g.type}-${g.kind}`}>{changeLine(g, t)}</li>
            ))}
          </ul>
          {totalChanges > shownChanges && <p>{t('ex.preview.more', { count: n(totalChanges - shownChanges) })}</p>}
        </section>
      )}

      {preview.rejected.length > 0 && (
        <section className="panel panel--warning" aria-labelledby={`${headingId}-rejected`}>
          <h4 id={`${headingId}-rejected`}>{t('ex.preview.rejected')}</h4>
          <ul>
            {preview.rejected.map((r) => (
              <li key={`${r.gemeente}-${r.seq}`}>{t('ex.preview.rejectedLine', { seq: r.seq, gemeente: r.gemeenteName, reason: r.reason })}</li>
            ))}
          </ul>
          <p>{t('ex.preview.rejectedNote')}</p>
        </section>
      )}

      {preview.held.length > 0 && (
        <section className="panel panel--warning" aria-labelledby={`${headingId}-held`}>
          <h4 id={`${headingId}-held`}>{t('ex.preview.held')}</h4>
          <ul>
            {preview.held.map((h) => (
              <li key={h.publicKey}>{t('ex.preview.heldLine', { count: n(h.count), gemeente: h.gemeenteName, device: h.device })}</li>
            ))}
          </ul>
        </section>
      )}

      {preview.parked.length > 0 && (
        <section className="panel panel--warning" aria-labelledby={`${headingId}-parked`}>
          <h4 id={`${headingId}-parked`}>{t('ex.preview.parked')}</h4>
          <ul>
            {preview.parked.map((p) => (
              <li key={`${p.publicKey}-${p.from}`}>
                {t('ex.preview.parkedLine', { from: p.from, to: p.to, gemeente: p.gemeenteName, device: p.device, missingFrom: p.missingFrom, missingTo: p.missingTo })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {preview.conflicts.length > 0 && (
        <section className="panel panel--warning" aria-labelledby={`${headingId}-conflicts`}>
          <h4 id={`${headingId}-conflicts`}>{t('ex.preview.conflicts')}</h4>
          <ul>
            {preview.conflicts.map((c) => (
              <li key={c.key}>{c.message}</li>
            ))}
          </ul>
        </section>
      )}

      {preview.violations.length > 0 && (
        <section className="panel panel--warning" aria-labelledby={`${headingId}-violations`}>
          <h4 id={`${headingId}-violations`}>{t('ex.preview.violations')}</h4>
          <ul>
            {preview.violations.map((v, i) => (
              <li key={`${v.code}-${i}`}>
                <strong>{v.severity === 'blocking' ? t('ex.preview.blocking') : t('ex.preview.warning')}:</strong> {ruleMessage(v.code, v.params, locale)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="ex-hash">{t('ex.preview.hash', { before: preview.stateHashBefore.slice(0, 12), after: preview.stateHashAfter.slice(0, 12) })}</p>
    </div>
  );
}
