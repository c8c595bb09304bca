// The rule violations that concern this event, in one list, with their messages in the user's language.
import type { Violation } from '../../../shared/rules/types';
import { ruleMessage } from '../../../shared/i18n/rule-messages';
import { useI18n } from '../../i18n/t';

export function EventWarnings({ violations }: { violations: Violation[] | undefined }) {
  const { t, locale } = useI18n();
  return (
    <section className="ev-section" aria-labelledby="ev-warnings">
      <h2 id="ev-warnings">
        {t('ev.warnings')}
        {violations && violations.length > 0 && <span className="ev-count"> ({violations.length})</span>}
      </h2>
      {!violations && <p role="status">{t('ev.warningsLoading')}</p>}
      {violations && violations.length === 0 && <p className="muted">{t('ev.warningsNone')}</p>}
      {violations && violations.length > 0 && (
        <>
          <p className="muted">{t('ev.warningsIntro')}</p>
          <ul className="ev-warnings">
            {violations.map((v, i) => (
              <li key={`${v.code}-${v.records.join()}-${i}`} className={`warning warning--${v.accepted ? 'accepted' : v.severity}`}>
                <strong>{v.accepted ? t('ev.warning.accepted') : t(`ev.warning.${v.severity}`)}:</strong> {ruleMessage(v.code, v.params, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
