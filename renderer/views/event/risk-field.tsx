// Risk class as a radio group (A regulier / B aandacht / C risico) with one hint and one error for the group.
import { RISK_CLASSES, type RiskClass } from '../../../shared/domain/event';
import { describedBy, FieldHintAndError } from '../../components/field';
import { useI18n } from '../../i18n/t';

interface Props {
  value: RiskClass | '';
  error: string | undefined;
  onChange(risk: RiskClass): void;
}

export function RiskField({ value, error, onChange }: Props) {
  const { t } = useI18n();
  const id = 'event-risk';
  const hint = t('form.riskHint');
  return (
    <fieldset className={error ? 'field field--invalid fieldset' : 'field fieldset'} role="radiogroup" aria-invalid={Boolean(error)} aria-describedby={describedBy(id, hint, error)}>
      <legend className="field__label">{t('form.risk')}</legend>
      <FieldHintAndError id={id} hint={hint} error={error} />
      <div className="radio-row">
        {RISK_CLASSES.map((risk) => (
          <label key={risk} className={`radio radio--risk-${risk.toLowerCase()}`} htmlFor={`${id}-${risk}`}>
            <input id={`${id}-${risk}`} type="radio" name="risk" value={risk} checked={value === risk} onChange={() => onChange(risk)} />
            <span>{t(`risk.${risk}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
