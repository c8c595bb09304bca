// An address that is no screen (an old bookmark, a typo): say so and offer the way back.
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';

export function NotFoundView() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('screen.notFound')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <a className="button button--secondary" href="#/kalender">
        {t('notFound.back')}
      </a>
    </>
  );
}
