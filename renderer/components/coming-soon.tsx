// The panel a screen shows until a later version builds it: says plainly what will be here.
import { useI18n } from '../i18n/t';

// With a title (a part of a screen), the heading names that part and the text says it is not there yet.
export function ComingSoon({ what, title }: { what: string; title?: string }) {
  const { t } = useI18n();
  return (
    <section className="panel panel--soon" aria-labelledby="coming-soon-title">
      <h2 id="coming-soon-title" className="panel__title">
        {title ?? t('soon.title')}
      </h2>
      <p>{title ? t('soon.introPart') : t('soon.intro')}</p>
      <p className="panel__what">{what}</p>
    </section>
  );
}
