// Filters of the Kalender: which host gemeenten and which risk classes to show. The gemeente checkboxes
// double as the colour legend.
import { RISK_CLASSES } from '../../../shared/domain/event';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { GemeenteTag } from '../../components/gemeente-tag';
import { useI18n } from '../../i18n/t';
import { useCalendarStore } from './calendar-store';

export function CalendarFilters({ hosts }: { hosts: readonly string[] }) {
  const { t } = useI18n();
  const { hiddenHosts, hiddenRisks, toggleHost, toggleRisk, showAllHosts } = useCalendarStore();
  const sorted = [...hosts].sort((a, b) => gemeenteName(a).localeCompare(gemeenteName(b), 'nl'));
  return (
    <div className="cal-filters">
      <fieldset className="cal-filters__group">
        <legend>{t('cal.filter.hosts')}</legend>
        <div className="cal-filters__options">
          {sorted.map((code) => (
            <label key={code} className="check">
              <input type="checkbox" checked={!hiddenHosts.includes(code)} onChange={() => toggleHost(code)} />
              <GemeenteTag code={code} withName />
            </label>
          ))}
          {hiddenHosts.length > 0 && (
            <button type="button" className="button button--small button--secondary" onClick={showAllHosts}>
              {t('cal.filter.allHosts')}
            </button>
          )}
        </div>
      </fieldset>
      <fieldset className="cal-filters__group">
        <legend>{t('cal.filter.risk')}</legend>
        <div className="cal-filters__options">
          {RISK_CLASSES.map((risk) => (
            <label key={risk} className="check">
              <input type="checkbox" checked={!hiddenRisks.includes(risk)} onChange={() => toggleRisk(risk)} />
              <span>{t(`risk.${risk}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
