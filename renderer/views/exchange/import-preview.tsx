// The preview of a plan file in plain words: first what needs the user's attention (conflicts, broken
// rules, refusals, changes to their own officers, events and requests), then per gemeente and per event
// what the file changes, with names, dates and times. Long previews fold per gemeente. Nothing has changed yet.
import type { ImportPreview } from '../../../shared/api/exchange';
import { buildNarrative } from '../../../shared/exchange/narrative';
import { eventTitle, narrativeLine, narrativeLineFrom, omittedText, sectionTitle } from '../../../shared/i18n/narrative-messages';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/t';
import { formatInstant } from './words';

/** Up to this many lines all gemeenten are shown unfolded; beyond it only the first. */
const UNFOLDED_LINES = 12;

export function ImportPreviewView({ preview, headingId, own }: { preview: ImportPreview; headingId: string; own: string }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  const story = buildNarrative(preview, own);
  const to = preview.to.map(gemeenteName).join(', ');
  const total = story.sections.reduce((sum, s) => sum + s.count, 0);

  return (
    <div className="ex-preview" data-testid="import-preview">
      <p className="lead">{t('ex.preview.from', { gemeente: preview.sender.gemeenteName, device: preview.sender.device, created: formatInstant(preview.created, locale), to })}</p>
      {story.nothingNew && <p className="panel panel--info">{t('ex.preview.nothing')}</p>}

      {story.attention.length > 0 && (
        <section className="panel panel--warning ex-attention" aria-labelledby={`${headingId}-attention`} data-testid="preview-attention">
          <h4 id={`${headingId}-attention`}>{t('ex.preview.attention')}</h4>
          <ul>
            {story.attention.map((l, i) => (
              <li key={i} className={l.code === 'violation' && l.violation?.severity === 'blocking' ? 'ex-line ex-line--blocking' : 'ex-line'}>
                {narrativeLineFrom(l, own, locale)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {story.sections.length > 0 && (
        <section aria-labelledby={`${headingId}-changes`} data-testid="preview-story">
          <h4 id={`${headingId}-changes`}>{t('ex.preview.changes')}</h4>
          {story.sections.map((s, i) => (
            <details key={s.gemeente} className="ex-story" open={i === 0 || total <= UNFOLDED_LINES}>
              <summary className="ex-story__summary">{sectionTitle(s, locale)}</summary>
              {s.events.map((e) => (
                <div key={e.id || 'none'} className="ex-story__event">
                  <h5 className="ex-story__event-title">{eventTitle(e, locale)}</h5>
                  <ul>
                    {e.lines.map((l, j) => (
                      <li key={j}>{narrativeLine(l, own, locale, e.id !== '')}</li>
                    ))}
                  </ul>
                </div>
              ))}
              {s.other.length > 0 && (
                <ul className="ex-story__other">
                  {s.other.map((l, j) => (
                    <li key={j}>{narrativeLine(l, own, locale)}</li>
                  ))}
                </ul>
              )}
            </details>
          ))}
          {story.omitted > 0 && <p>{omittedText(story.omitted, locale)}</p>}
        </section>
      )}

      <details className="ex-tech">
        <summary>{t('ex.preview.technical')}</summary>
        <p>{t('ex.preview.entries', { inFile: n(preview.entries.inFile), new: n(preview.entries.new), known: n(preview.entries.alreadyKnown) })}</p>
        <p className="ex-hash">{t('ex.preview.hash', { before: preview.stateHashBefore.slice(0, 12), after: preview.stateHashAfter.slice(0, 12) })}</p>
      </details>
    </div>
  );
}
