// Briefing rosters (PDF) and shifts for the calendar (iCal): pick an event or an officer, and download.
import { useEffect, useState, type ReactNode } from 'react';
import type { OfficerRecord } from '../../../shared/domain/officer';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { SelectField } from '../../components/select-field';
import { formatLocal } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { DownloadButton, type DownloadOutcome } from './download-button';

function byGemeente(officers: OfficerRecord[], own: string): [string, OfficerRecord[]][] {
  const groups = new Map<string, OfficerRecord[]>();
  for (const o of officers) groups.set(o.employer, [...(groups.get(o.employer) ?? []), o]);
  return [...groups.entries()].sort(([a], [b]) => Number(b === own) - Number(a === own) || gemeenteName(a).localeCompare(gemeenteName(b)));
}

/** One kind of file: its title and what it holds, the choices, and the download. */
function FileForm({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <form className="report-file-form" onSubmit={(e) => e.preventDefault()} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p className="field__hint">{hint}</p>
      {children}
    </form>
  );
}

export function FilesSection({ own, onOutcome }: { own: string; onOutcome: (o: DownloadOutcome) => void }) {
  const { t, locale } = useI18n();
  const [eventId, setEventId] = useState('');
  /** Own officers' phone numbers on the roster: only for a briefing of one's own people, never by default. */
  const [phones, setPhones] = useState(false);
  const [calendarEventId, setCalendarEventId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [contact, setContact] = useState({ name: '', phone: '' });

  const { data, error } = useApiQuery(async () => {
    const [ev, of, c] = await Promise.all([api().call('events.list', {}), api().call('officers.list', {}), api().call('reports.contact', {})]);
    return { events: [...ev].sort((a, b) => (a.start < b.start ? -1 : 1)), officers: of, contact: c };
  }, []);
  const events = data?.events ?? [];
  const officers = data?.officers ?? [];
  // The first choices once the lists are there: an event and an officer of one's own gemeente.
  useEffect(() => {
    if (!data) return;
    setContact(data.contact);
    const first = data.events.find((e) => e.host === own) ?? data.events[0];
    setEventId(first?.id ?? '');
    setCalendarEventId(first?.id ?? '');
    setOfficerId(data.officers.find((o) => o.employer === own)?.id ?? data.officers[0]?.id ?? '');
  }, [data, own]);
  useEffect(() => {
    if (error) onOutcome({ error });
  }, [error, onOutcome]);

  // Both event lists (roster and calendar) offer the same events.
  const eventList = {
    label: t('reports.event'),
    choices: events.map((e) => ({ value: e.id, label: `${e.name} (${gemeenteName(e.host)}, ${formatLocal(e.start, locale)})` })),
    disabled: events.length === 0,
  };

  return (
    <section className="report-section" aria-labelledby="report-files">
      <h2 id="report-files">{t('reports.files')}</h2>
      <div className="report-files">
        <FileForm id="report-roster" title={t('reports.roster')} hint={t('reports.rosterHint')}>
          <SelectField id="roster-event" {...eventList} value={eventId} onChange={setEventId} hint={events.length === 0 && t('reports.noEvents')} />
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
        </FileForm>

        <FileForm id="report-ical" title={t('reports.ical')} hint={t('reports.icalHint')}>
          <SelectField
            id="ical-officer"
            label={t('reports.officer')}
            value={officerId}
            onChange={setOfficerId}
            groups={byGemeente(officers, own).map(([gemeente, list]) => ({ label: gemeenteName(gemeente), choices: list.map((o) => ({ value: o.id, label: o.name })) }))}
            disabled={officers.length === 0}
            hint={officers.length === 0 && t('reports.noOfficers')}
          />
          <DownloadButton label={t('reports.download.icalOfficer')} secondary disabled={officerId === ''} request={() => ({ kind: 'ical-officer', officerId })} onOutcome={onOutcome} />
          <SelectField id="ical-event" className="report-file-form__next" {...eventList} value={calendarEventId} onChange={setCalendarEventId} />
          <DownloadButton
            label={t('reports.download.icalEvent')}
            secondary
            disabled={calendarEventId === ''}
            request={() => ({ kind: 'ical-event', eventId: calendarEventId })}
            onOutcome={onOutcome}
          />
        </FileForm>
      </div>
    </section>
  );
}
