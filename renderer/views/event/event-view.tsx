// Evenement (#/evenementen/<id>): the event's details (editable for its host), a timeline of its shifts with
// needed vs committed officers, adding, editing, copying and cancelling shifts, asking partners for officers,
// copying the whole event for next year, and the rule warnings that concern it.
import { useMemo, useState } from 'react';
import type { ShiftPlan } from '../../../shared/api/planning';
import type { EventFields } from '../../../shared/domain/event';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import type { Violation } from '../../../shared/rules/types';
import { formatRange } from '../../../shared/i18n/rule-messages';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { GemeenteTag } from '../../components/gemeente-tag';
import { PageHeading } from '../../components/page-heading';
import { markDataArrived, useRenderedMark } from '../../components/render-timing';
import { RiskBadge } from '../../components/risk-badge';
import { StaffingBadge } from '../../components/staffing-badge';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { eventPath, navigate } from '../../routing/routes';
import { useUiStore } from '../../state/ui-store';
import { EventCopyDialog } from './event-copy-dialog';
import { EventDetails } from './event-details';
import { EventForm } from './event-form';
import { fromRecord } from './event-form-model';
import { EventWarnings } from './event-warnings';
import { RequestDialog } from './request-dialog';
import { AssignDialog } from './assign-dialog';
import { ShiftCancelDialog } from './shift-cancel-dialog';
import { ShiftCopyDialog } from './shift-copy-dialog';
import { ShiftFormDialog } from './shift-form-dialog';
import { eventViolations, violationsByShift } from './shift-model';
import type { ShiftAction } from './shift-row';
import { ShiftTimeline } from './shift-timeline';
import '../calendar/calendar.css';
import './event.css';

type Dialog = { kind: ShiftAction; shift: ShiftPlan } | { kind: 'add' } | { kind: 'copyEvent' };

export function EventView({ id, ownGemeente }: { id: string; ownGemeente: string }) {
  const { t, locale } = useI18n();
  const {
    data: plan,
    error,
    refresh: loadPlan,
  } = useApiQuery(async () => {
    const p = await api().call('events.plan', { id });
    markDataArrived('event');
    return p;
  }, [id]);
  // The rules follow when ready and never hold up the shifts; without them the screen shows no warnings.
  const { data: allViolations, refresh: loadViolations } = useApiQuery(
    () =>
      api()
        .call('events.violations', { id })
        .catch((): Violation[] => []),
    [id],
  );
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>();
  const announce = useUiStore((s) => s.announce);
  const listPath = useUiStore((s) => s.listPath);
  const path = eventPath(id);

  const load = () => {
    void loadPlan();
    void loadViolations();
  };
  useRenderedMark('event', plan);

  const violations = useMemo(() => (plan && allViolations ? eventViolations(plan.event.id, plan.shifts, allViolations) : undefined), [plan, allViolations]);
  const perShift = useMemo(() => (plan ? violationsByShift(plan.shifts, violations ?? []) : new Map<string, Violation[]>()), [plan, violations]);

  const done = (text: string) => {
    announce({ text, path });
    setDialog(undefined);
    load();
  };
  const timeOf = (s: Pick<ShiftPlan, 'start' | 'end'>) => formatRange(s.start, s.end, locale);

  if (error) {
    return (
      <>
        <PageHeading>{t('form.viewTitle')}</PageHeading>
        <ErrorPanel error={error} onRetry={load} />
        <a href={`#${listPath}`}>{t('ev.back')}</a>
      </>
    );
  }
  if (!plan) {
    return (
      <>
        <PageHeading>{t('form.viewTitle')}</PageHeading>
        <p role="status">{t('ev.loading')}</p>
      </>
    );
  }
  const { event, shifts, staffing } = plan;
  const own = event.host === ownGemeente;
  const live = shifts.filter((s) => !s.cancelled);
  const save = async (fields: EventFields) => {
    const saved = await api().call('events.update', { id, fields });
    setEditing(false);
    done(t('ev.saved', { name: saved.name }));
  };

  return (
    <>
      <div className="page-top">
        <PageHeading>{event.name}</PageHeading>
        <a href={`#${listPath}`}>{t('ev.back')}</a>
      </div>
      <p className="ev-summary">
        <GemeenteTag code={event.host} withName />
        <RiskBadge risk={event.risk} />
        <span>{formatPeriod(event.start, event.end, locale)}</span>
        <span>{t(`status.${event.status}`)}</span>
        <StaffingBadge staffing={staffing} />
      </p>
      {!own && (
        <div className="panel panel--info">
          <p>{t('ev.readOnly', { host: gemeenteName(event.host) })}</p>
        </div>
      )}
      {own && !editing && (
        <div className="ev-actions">
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t('ev.editDetails')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDialog({ kind: 'copyEvent' })}>
            {t('ev.copy')}
          </button>
        </div>
      )}
      {editing && (
        <section className="ev-section" aria-labelledby="ev-edit">
          <h2 id="ev-edit">{t('ev.editTitle')}</h2>
          <EventForm initial={fromRecord(event)} save={save} cancel={() => setEditing(false)} issuePrefix="fields." />
        </section>
      )}
      <EventWarnings violations={violations} />
      <section className="ev-section" aria-labelledby="ev-shifts">
        <div className="ev-section__top">
          <h2 id="ev-shifts">
            {t('ev.shifts')} <span className="ev-count">({t('ev.shiftsCount', { count: live.length })})</span>
          </h2>
          {own && (
            <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
              {t('ev.addShift')}
            </button>
          )}
        </div>
        <p className="muted">{t('ev.shiftsIntro')}</p>
        {shifts.length === 0 ? (
          <p className="panel panel--empty">{t('ev.noShifts')}</p>
        ) : (
          <ShiftTimeline shifts={shifts} own={own} label={t('ev.shiftList', { name: event.name })} violations={perShift} onAction={(kind, shift) => setDialog({ kind, shift })} />
        )}
      </section>
      {!editing && (
        <section className="ev-section" aria-labelledby="ev-details">
          <h2 id="ev-details">{t('ev.details')}</h2>
          <EventDetails event={event} />
        </section>
      )}
      {dialog?.kind === 'add' && (
        <ShiftFormDialog
          eventId={event.id}
          event={event}
          shift={undefined}
          defaultStart={live.at(-1) ? live.at(-1)!.end : event.start}
          onClose={() => setDialog(undefined)}
          onSaved={(s) => done(t('evshift.saved', { time: timeOf(s) }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ShiftFormDialog
          eventId={event.id}
          event={event}
          shift={dialog.shift}
          defaultStart={dialog.shift.start}
          onClose={() => setDialog(undefined)}
          onSaved={(s) => done(t('evshift.saved', { time: timeOf(s) }))}
        />
      )}
      {dialog?.kind === 'copy' && (
        <ShiftCopyDialog shift={dialog.shift} subtitle={timeOf(dialog.shift)} onClose={() => setDialog(undefined)} onCopied={(s) => done(t('evcopy.shift.done', { time: timeOf(s) }))} />
      )}
      {dialog?.kind === 'cancel' && (
        <ShiftCancelDialog
          shift={dialog.shift}
          time={timeOf(dialog.shift)}
          ownGemeente={ownGemeente}
          onClose={() => setDialog(undefined)}
          onCancelled={() => done(t('evcancel.done', { time: timeOf(dialog.shift) }))}
        />
      )}
      {dialog?.kind === 'assign' && <AssignDialog shift={dialog.shift} subtitle={timeOf(dialog.shift)} onClose={() => setDialog(undefined)} onAssigned={done} />}
      {dialog?.kind === 'request' && (
        <RequestDialog
          shift={dialog.shift}
          subtitle={timeOf(dialog.shift)}
          ownGemeente={ownGemeente}
          onClose={() => setDialog(undefined)}
          onCreated={(r) => done(r.provider === ownGemeente ? t('evreq.doneOwn', { count: r.count }) : t('evreq.done', { name: gemeenteName(r.provider), count: r.count }))}
        />
      )}
      {dialog?.kind === 'copyEvent' && (
        <EventCopyDialog
          event={event}
          shiftCount={live.length}
          onClose={() => setDialog(undefined)}
          onCopied={(copy) => {
            setDialog(undefined);
            announce({ text: t('evcopy.event.done', { name: copy.name, count: live.length }), path: eventPath(copy.id) });
            navigate(eventPath(copy.id));
          }}
        />
      )}
    </>
  );
}
