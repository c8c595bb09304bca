// Briefing rosters (PDF) and shifts for the calendar (iCal): pick an event or an officer, and download.
import { useEffect, useState } from 'react';
import type { EventRecord } from '../../../shared/domain/event';
import type { OfficerRecord } from '../../../shared/domain/officer';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api, ApiCallError } from '../../api/client';
import { formatLocal } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { DownloadButton, type DownloadOutcome } from './download-button';

function byGemeente(officers: OfficerRecord[], own: string): [string, OfficerRecord[]][] {
  const groups = new Map<string, OfficerRecord[]>();
  for (const o of officers) groups.set(o.employer, [...(groups.get(o.employer) ?? []), o]);
  return [...groups.entries()].sort(([a], [b]) => Number(b === own) - Number(a === own) || gemeenteName(a).localeCompare(gemeenteName(b)));
}

export function FilesSection({ own, onOutcome }: { own: string; onOutcome: (o: DownloadOutcome) => void }) {
  const { t, locale } = useI18n();
  const [events, setEvents] = useState<EventRecord[]>([]);
  const [officers, setOfficers] = useState<OfficerRecord[]>([]);
  const [eventId, setEventId] = useState('');
  /** Own officers' phone numbers on the roster: only for a briefing of one's own people, never by default. */
  const [phones, setPhones] = useState(false);
  const [calendarEventId, setCalendarEventId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [contact, setContact] = useState({ name: '', phone: '' });

  useEffect(() => {
    let live = true;
    void Promise.all([api().call('events.list', {}), api().call('officers.list', {}), api().call('reports.contact', {})])
      .then(([ev, of, c]) => {
        if (!live) return;
        const sorted = [...ev].sort((a, b) => (a.start < b.start ? -1 : 1));
        setEvents(sorted);
        setOfficers(of);
        setContact(c);
        const first = sorted.find((e) => e.host === own) ?? sorted[0];
        setEventId(first?.id ?? '');
        setCalendarEventId(first?.id ?? '');
        setOfficerId(of.find((o) => o.employer === own)?.id ?? of[0]?.id ?? '');
      })
      .catch((err: unknown) => onOutcome({ error: err instanceof ApiCallError ? err : new ApiCallError('bad_response', String(err)) }));
    return () => {
      live = false;
    };
  }, [own, onOutcome]);

  const eventOptions = events.map((e) => (
    <option key={e.id} value={e.id}>
      {e.name} ({gemeenteName(e.host)}, {formatLocal(e.start, locale)})
    </option>
  ));

  return (
    <section className="report-section" aria-labelledby="report-files">
      <h2 id="report-files">{t('reports.files')}</h2>
      <div className="report-files">
        <form className="report-file-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="report-roster">
          <h3 id="report-roster">{t('reports.roster')}</h3>
          <p className="field__hint">{t('reports.rosterHint')}</p>
          <div className="field">
            <label htmlFor="roster-event" className="field__label">
              {t('reports.event')}
            </label>
            <select id="roster-event" className="input" value={eventId} onChange={(e) => setEventId(e.target.value)} disabled={events.length === 0}>
              {eventOptions}
            </select>
            {events.length === 0 && <p className="field__hint">{t('reports.noEvents')}</p>}
          </div>
          <div className="field">
            <label htmlFor="roster-contact-name" className="field__label">
              {t('reports.contactName')}
            </label>
            <p id="roster-contact-hint" className="field__hint">
              {t('reports.contactHint')}
            </p>
            <input
              id="roster-contact-name"
              className="input"
              value={contact.name}
              maxLength={120}
              autoComplete="name"
              aria-describedby="roster-contact-hint"
              onChange={(e) => setContact({ ...contact, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="roster-contact-phone" className="field__label">
              {t('reports.contactPhone')}
            </label>
            <input
              id="roster-contact-phone"
              className="input input--short"
              type="tel"
              value={contact.phone}
              maxLength={40}
              autoComplete="tel"
              onChange={(e) => setContact({ ...contact, phone: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" checked={phones} onChange={(e) => setPhones(e.target.checked)} aria-describedby="roster-phones-hint" /> {t('reports.rosterPhones')}
            </label>
            <p id="roster-phones-hint" className="field__hint">
              {t('reports.rosterPhonesHint')}
            </p>
          </div>
          <DownloadButton label={t('reports.download.roster')} disabled={eventId === ''} request={() => ({ kind: 'roster', eventId, contact, phones })} onOutcome={onOutcome} />
        </form>

        <form className="report-file-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="report-ical">
          <h3 id="report-ical">{t('reports.ical')}</h3>
          <p className="field__hint">{t('reports.icalHint')}</p>
          <div className="field">
            <label htmlFor="ical-officer" className="field__label">
              {t('reports.officer')}
            </label>
            <select id="ical-officer" className="input" value={officerId} onChange={(e) => setOfficerId(e.target.value)} disabled={officers.length === 0}>
              {byGemeente(officers, own).map(([gemeente, list]) => (
                <optgroup key={gemeente} label={gemeenteName(gemeente)}>
                  {list.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {officers.length === 0 && <p className="field__hint">{t('reports.noOfficers')}</p>}
          </div>
          <DownloadButton label={t('reports.download.icalOfficer')} secondary disabled={officerId === ''} request={() => ({ kind: 'ical-officer', officerId })} onOutcome={onOutcome} />
          <div className="field report-file-form__next">
            <label htmlFor="ical-event" className="field__label">
              {t('reports.event')}
            </label>
            <select id="ical-event" className="input" value={calendarEventId} onChange={(e) => setCalendarEventId(e.target.value)} disabled={events.length === 0}>
              {eventOptions}
            </select>
          </div>
          <DownloadButton
            label={t('reports.download.icalEvent')}
            secondary
            disabled={calendarEventId === ''}
            request={() => ({ kind: 'ical-event', eventId: calendarEventId })}
            onOutcome={onOutcome}
          />
        </form>
      </div>
    </section>
  );
}
