// A screen that a later issue builds: its name, and what the user will find there.
import { ComingSoon } from '../../components/coming-soon';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import type { ComingScreenId } from '../../routing/routes';

export function ComingView({ screen }: { screen: ComingScreenId }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t(`screen.${screen}`)}</PageHeading>
      <ComingSoon what={t(`soon.${screen}`)} />
    </>
  );
}
