// A screen that a later issue builds: its name, and what the user will find there.
import { ComingSoon } from '../../components/coming-soon';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import type { ComingScreenId } from '../../routing/routes';

/** Screens that have a "soon" text. With every screen built, ComingScreenId is empty (never): list an announced screen here again. */
type AnnouncedScreen = 'capaciteit' | 'verzoeken' | 'afspraken' | 'handhavers' | 'uitwisselen' | 'rapportage';

export function ComingView({ screen }: { screen: ComingScreenId }) {
  const { t } = useI18n();
  const id = screen as AnnouncedScreen;
  return (
    <>
      <PageHeading>{t(`screen.${id}`)}</PageHeading>
      <ComingSoon what={t(`soon.${id}`)} />
    </>
  );
}
