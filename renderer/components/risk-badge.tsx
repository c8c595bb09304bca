// Risk class as a coloured badge that also says it in words, so colour is never the only signal.
import type { RiskClass } from '../../shared/domain/event';
import { useI18n } from '../i18n/t';

export function RiskBadge({ risk }: { risk: RiskClass }) {
  const { t } = useI18n();
  return <span className={`badge badge--risk-${risk.toLowerCase()}`}>{t(`risk.${risk}`)}</span>;
}
