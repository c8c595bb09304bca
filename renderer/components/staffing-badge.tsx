// An event's staffing in words, a symbol and figures (18/24), never by colour alone.
import { staffingStatus, type StaffingSummary } from '../../shared/api/planning';
import { useI18n } from '../i18n/t';

const SYMBOL = { none: '–', full: '✓', requested: '…', short: '!' } as const;

export function StaffingBadge({ staffing, compact = false }: { staffing: StaffingSummary; compact?: boolean }) {
  const { t } = useI18n();
  const status = staffingStatus(staffing);
  const figures = status === 'none' ? '' : `${staffing.committed}/${staffing.needed}`;
  const long = t(`cal.staffing.${status}`, { committed: staffing.committed, needed: staffing.needed, open: staffing.openRequests });
  if (compact) {
    return (
      <span className={`staffing staffing--${status} staffing--compact`} title={long}>
        <span aria-hidden="true">
          {SYMBOL[status]}
          {figures && ` ${figures}`}
        </span>
        <span className="visually-hidden">{long}</span>
      </span>
    );
  }
  return (
    <span className={`staffing staffing--${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {long}
    </span>
  );
}
