// Answering a request with own officers. The candidate list offers the available, qualified officers first
// and says for the others why not (the rules' own words); a warning needs a reason before committing.
// Officers can be dragged onto the shift's open places, or ticked in the list (the keyboard path).
import { useState, type DragEvent } from 'react';
import type { Candidate, RequestOverview } from '../../../shared/api/coordination';
import { api, type ApiCallError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { formatDay } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';
import { asApiCallError } from '../../api/api-call-error';
import { violationText } from '../problems/problem-text';

const DRAG_TYPE = 'application/x-regie-officer';

interface Props {
  /** A partner's request to answer, or (with `shift`) an own shift to staff directly. */
  request?: RequestOverview;
  shift?: { id: string; open: number; committed: number };
  onCommitted(text: string): Promise<void>;
}

export function AnswerPanel({ request, shift, onCommitted }: Props) {
  const { t, locale } = useI18n();
  const [failure, setFailure] = useState<ApiCallError>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, Record<string, string>>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const open = shift ? shift.open : request ? request.count - request.committed : 0;
  const targetId = shift?.id ?? request?.id ?? '';
  const committedSoFar = shift?.committed ?? request?.committed ?? 0;

  const isShift = shift !== undefined;
  // Loaded again once a commitment changed the count, so those just committed leave the list.
  const { data: candidates, error: loadError } = useApiQuery(
    () => (isShift ? api().call('shifts.candidates', { shiftId: targetId }) : api().call('requests.candidates', { id: targetId })),
    [targetId, isShift],
    committedSoFar,
  );
  const shownError = failure ?? loadError;

  const byId = new Map((candidates ?? []).map((c) => [c.officer.id, c]));
  const full = chosen.length >= open;

  function choose(id: string, on: boolean) {
    const c = byId.get(id);
    if (!c || c.blocking.length > 0) return;
    setChosen((prev) => (on ? (prev.includes(id) || prev.length >= open ? prev : [...prev, id]) : prev.filter((x) => x !== id)));
  }

  function setReason(officerId: string, code: string, text: string) {
    setReasons((prev) => ({ ...prev, [officerId]: { ...prev[officerId], [code]: text } }));
    setMissing((prev) => {
      const next = new Set(prev);
      next.delete(`${officerId}|${code}`);
      return next;
    });
  }

  async function commit() {
    const gaps = new Set<string>();
    for (const id of chosen) for (const w of byId.get(id)?.warnings ?? []) if (!(reasons[id]?.[w.code] ?? '').trim()) gaps.add(`${id}|${w.code}`);
    setMissing(gaps);
    if (gaps.size > 0) {
      const [first] = [...gaps];
      document.getElementById(reasonId(first!))?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const given = Object.fromEntries(chosen.filter((id) => reasons[id]).map((id) => [id, Object.fromEntries(Object.entries(reasons[id]!).filter(([, v]) => v.trim()))]));
      const result = shift
        ? await api().call('shifts.assign', { shiftId: shift.id, officerIds: chosen, reasons: given })
        : await api().call('requests.commit', { id: targetId, officerIds: chosen, reasons: given });
      const names = chosen.map((id) => byId.get(id)?.officer.name ?? id);
      setChosen([]);
      setReasons({});
      await onCommitted(shift ? t('requests.assigned', { names: names.join(', ') }) : t('requests.committed', { count: result.committed.length, names: names.join(', ') }));
    } catch (err) {
      setFailure(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragOver(false);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (id) choose(id, true);
  }

  const groups: { key: 'free' | 'warning' | 'blocked'; items: Candidate[] }[] = [
    { key: 'free', items: (candidates ?? []).filter((c) => c.blocking.length === 0 && c.warnings.length === 0) },
    { key: 'warning', items: (candidates ?? []).filter((c) => c.blocking.length === 0 && c.warnings.length > 0) },
    { key: 'blocked', items: (candidates ?? []).filter((c) => c.blocking.length > 0) },
  ];

  return (
    <section className="answer" aria-labelledby="answer-title">
      {!shift && <h3 id="answer-title">{t('requests.answerTitle')}</h3>}
      <p id={shift ? 'answer-title' : undefined}>{shift ? t('requests.assignIntro', { open }) : t('requests.answerIntro', { open })}</p>
      <div
        className={`slots${dragOver ? ' slots--over' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(DRAG_TYPE)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragOver(true);
          }
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        data-testid="shift-drop"
        role="group"
        aria-label={t('requests.slotsLabel')}
      >
        <p className="slots__title">{t('requests.slotsTitle', { chosen: chosen.length, open })}</p>
        <ul className="slots__list">
          {chosen.map((id) => (
            <li key={id} className="slot slot--chosen">
              <span>{byId.get(id)?.officer.name ?? id}</span>
              <button type="button" className="link-button" onClick={() => choose(id, false)}>
                {t('requests.unchoose')}
                <span className="visually-hidden"> {byId.get(id)?.officer.name}</span>
              </button>
            </li>
          ))}
          {Array.from({ length: Math.max(0, open - chosen.length) }, (_, i) => (
            <li key={`open-${i}`} className="slot slot--open" aria-hidden={i > 0 ? true : undefined}>
              {t('requests.openSlot')}
            </li>
          ))}
        </ul>
        <p className="slots__hint">{t('requests.dragHint')}</p>
      </div>

      {shownError && <ErrorPanel error={shownError} focus />}
      {!candidates && !shownError && <p role="status">{t('requests.candidatesLoading')}</p>}
      {candidates && candidates.length === 0 && <p className="panel panel--empty">{t('requests.noCandidates')}</p>}
      {groups.map(
        (g) =>
          g.items.length > 0 && (
            <fieldset key={g.key} className="fieldset candidates">
              <legend className="candidates__legend">
                {t(`requests.group.${g.key}`)} ({g.items.length})
              </legend>
              <ul className="candidates__list">
                {g.items.map((c) => {
                  const id = c.officer.id;
                  const checked = chosen.includes(id);
                  const blocked = c.blocking.length > 0;
                  const q = c.officer.qualifications;
                  return (
                    <li
                      key={id}
                      className={`candidate candidate--${g.key}${checked ? ' candidate--chosen' : ''}`}
                      draggable={!blocked}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, id);
                        e.dataTransfer.setData('text/plain', c.officer.name);
                        e.dataTransfer.effectAllowed = 'copy';
                      }}
                      data-officer={c.officer.name}
                    >
                      <label className="candidate__pick">
                        <input type="checkbox" checked={checked} disabled={blocked || (full && !checked)} onChange={(e) => choose(id, e.target.checked)} aria-describedby={`why-${id}`} />
                        <span className="candidate__name">{c.officer.name}</span>
                      </label>
                      <span className="candidate__meta">
                        {t('requests.candidateMeta', { domain: q.domain, until: formatDay(q.akteValidUntil, locale, { weekday: false }) })}
                        {q.force.length > 0 && ` · ${q.force.map((f) => t(`officers.force.${f}`)).join(', ')}`}
                        {q.trafficAppointed && ` · ${t('requests.traffic')}`}
                      </span>
                      <div id={`why-${id}`} className="candidate__why">
                        {blocked && (
                          <>
                            <strong>{t('requests.whyNot')}</strong> {c.blocking.map((v) => violationText(v, locale)).join(' ')}
                          </>
                        )}
                        {!blocked && c.warnings.length > 0 && (
                          <>
                            <strong>{t('requests.warning')}</strong> {c.warnings.map((v) => violationText(v, locale)).join(' ')}
                          </>
                        )}
                        {!blocked && c.warnings.length === 0 && t('requests.free')}
                      </div>
                      {checked &&
                        c.warnings.map((w) => {
                          const rid = reasonId(`${id}|${w.code}`);
                          const invalid = missing.has(`${id}|${w.code}`);
                          return (
                            <div key={w.code} className={invalid ? 'field field--invalid candidate__reason' : 'field candidate__reason'}>
                              <label htmlFor={rid} className="field__label">
                                {t('requests.reasonLabel', { name: c.officer.name })}
                              </label>
                              {invalid && (
                                <p id={`${rid}-error`} className="field__error">
                                  {t('requests.reasonRequired')}
                                </p>
                              )}
                              <input
                                id={rid}
                                className="input"
                                value={reasons[id]?.[w.code] ?? ''}
                                aria-invalid={invalid}
                                aria-describedby={invalid ? `${rid}-error` : undefined}
                                onChange={(e) => setReason(id, w.code, e.target.value)}
                              />
                            </div>
                          );
                        })}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ),
      )}
      <div className="form__actions">
        <button type="button" className="button" disabled={busy || chosen.length === 0} onClick={() => void commit()}>
          {busy ? t('common.busy') : shift ? t('requests.assign', { count: chosen.length }) : t('requests.commit', { count: chosen.length })}
        </button>
      </div>
    </section>
  );
}

function reasonId(key: string): string {
  return `reason-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
