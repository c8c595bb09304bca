// The choice of period (month, quarter or year) and of gemeente pair; the figures follow at once.
import type { GemeentePair } from '../../../shared/reports/types';
import type { PeriodKind } from '../../../shared/reports/period';
import { useI18n } from '../../i18n/t';
import { monthName } from './format';
import { useReportStore } from './report-store';

const KINDS: PeriodKind[] = ['month', 'quarter', 'year'];

export function PeriodPicker({ pairs, withPair = true }: { pairs: GemeentePair[]; withPair?: boolean }) {
  const { t, locale } = useI18n();
  const { kind, year, index, pair, choose } = useReportStore();
  const thisYear = new Date().getFullYear();
  const years = Array.from(new Set([...Array.from({ length: 6 }, (_, i) => thisYear - 3 + i), year])).sort();
  const pairOptions = pairs.map((p) => ({ value: `${p.a}|${p.b}`, label: `${p.aName} – ${p.bName}` }));
  if (pair && !pairOptions.some((o) => o.value === pair)) pairOptions.push({ value: pair, label: pair.replace('|', ' – ') });

  return (
    <form className="report-filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="fieldset report-filters__kind">
        <legend className="field__label">{t('reports.period')}</legend>
        <div className="radio-row">
          {KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="report-kind" value={k} checked={kind === k} onChange={() => choose({ kind: k })} />
              {t(`reports.kind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="report-year" className="field__label">
          {t('reports.year')}
        </label>
        <select id="report-year" className="input input--short" value={year} onChange={(e) => choose({ year: Number(e.target.value) })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {kind !== 'year' && (
        <div className="field">
          <label htmlFor="report-index" className="field__label">
            {kind === 'month' ? t('reports.month') : t('reports.quarter')}
          </label>
          <select id="report-index" className="input input--short" value={index} onChange={(e) => choose({ index: Number(e.target.value) })}>
            {(kind === 'month' ? Array.from({ length: 12 }, (_, i) => i + 1) : [1, 2, 3, 4]).map((i) => (
              <option key={i} value={i}>
                {kind === 'month' ? monthName(i, locale) : t('reports.quarterN', { n: i })}
              </option>
            ))}
          </select>
        </div>
      )}
      {withPair && (
        <div className="field">
          <label htmlFor="report-pair" className="field__label">
            {t('reports.pair')}
          </label>
          <select id="report-pair" className="input" value={pair} aria-describedby="report-pair-hint" onChange={(e) => choose({ pair: e.target.value })}>
            <option value="">{t('reports.pairAll')}</option>
            {pairOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <p id="report-pair-hint" className="field__hint">
            {t('reports.pairHint')}
          </p>
        </div>
      )}
    </form>
  );
}
