// The choice of period (month, quarter or year) and of gemeente pair; the figures follow at once.
import type { GemeentePair } from '../../../shared/reports/types';
import type { PeriodKind } from '../../../shared/reports/period';
import { SelectField } from '../../components/select-field';
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
      <SelectField
        id="report-year"
        label={t('reports.year')}
        inputClass="input input--short"
        value={year}
        onChange={(v) => choose({ year: Number(v) })}
        choices={years.map((y) => ({ value: y, label: String(y) }))}
      />
      {kind !== 'year' && (
        <SelectField
          id="report-index"
          label={kind === 'month' ? t('reports.month') : t('reports.quarter')}
          inputClass="input input--short"
          value={index}
          onChange={(v) => choose({ index: Number(v) })}
          choices={(kind === 'month' ? Array.from({ length: 12 }, (_, i) => i + 1) : [1, 2, 3, 4]).map((i) => ({
            value: i,
            label: kind === 'month' ? monthName(i, locale) : t('reports.quarterN', { n: i }),
          }))}
        />
      )}
      {withPair && (
        <SelectField
          id="report-pair"
          label={t('reports.pair')}
          value={pair}
          onChange={(v) => choose({ pair: v })}
          choices={[{ value: '', label: t('reports.pairAll') }, ...pairOptions]}
          hint={t('reports.pairHint')}
          hintId="report-pair-hint"
        />
      )}
    </form>
  );
}
