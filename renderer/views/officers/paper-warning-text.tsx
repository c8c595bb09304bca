// A paper warning in words, with the warning style (never colour alone: the text says what is wrong).
import { formatDay } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';
import type { PaperWarning } from './officer-warnings';

export function PaperWarningText({ warning }: { warning: PaperWarning }) {
  const { t, locale } = useI18n();
  switch (warning.kind) {
    case 'akteExpired':
      return <span className="badge badge--blocking">{t('officers.warn.akteExpired', { date: formatDay(warning.date, locale, { weekday: false }) })}</span>;
    case 'akteSoon':
      return <span className="badge badge--warning">{t('officers.warn.akteSoon', { days: warning.days, date: formatDay(warning.date, locale, { weekday: false }) })}</span>;
    case 'trafficOld':
      return <span className="badge badge--warning">{t('officers.warn.trafficOld', { date: formatDay(warning.date, locale, { weekday: false }) })}</span>;
  }
}
