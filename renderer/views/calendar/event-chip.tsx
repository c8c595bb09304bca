// An event in a month cell: gemeente colour and abbreviation, name, risk class and staffing; a link that
// opens the event. Its accessible name says all of it in words.
import type { CSSProperties } from 'react';
import type { CalendarEvent } from '../../../shared/api/planning';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { gemeenteStyle } from '../../components/gemeente-palette';
import { StaffingBadge } from '../../components/staffing-badge';
import { useI18n } from '../../i18n/t';
import { eventPath } from '../../routing/routes';

export function EventChip({ event, day }: { event: CalendarEvent; day: string }) {
  const { t } = useI18n();
  const style = gemeenteStyle(event.host);
  const continues = event.start.slice(0, 10) < day;
  const cancelled = event.status === 'afgelast';
  const host = gemeenteName(event.host);
  return (
    <a
      className={cancelled ? 'cal-chip cal-chip--cancelled' : 'cal-chip'}
      href={`#${eventPath(event.id)}`}
      style={{ '--gm': style.colour } as CSSProperties}
      title={`${event.name} — ${host}, ${t(`risk.${event.risk}`)}`}
    >
      <span className="cal-chip__line">
        <span className="cal-chip__abbr" aria-hidden="true">
          {style.abbreviation}
        </span>
        <span className="cal-chip__name">{event.name}</span>
        <span className="visually-hidden">
          , {host}, {t(`risk.${event.risk}`)},
        </span>
      </span>
      <span className="cal-chip__line cal-chip__meta">
        <span className="cal-chip__time">{continues ? t('cal.continues') : event.start.slice(11, 16)}</span>
        <span className={`cal-risk cal-risk--${event.risk.toLowerCase()}`} aria-hidden="true">
          {event.risk}
        </span>
        {cancelled ? <span>{t('status.afgelast')}</span> : <StaffingBadge staffing={event.staffing} compact />}
      </span>
    </a>
  );
}
