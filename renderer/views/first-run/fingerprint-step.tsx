// After setup: this device's fingerprint and why partners will ask for it, then on into the app or the guide.
import type { Identity } from '../../../shared/api/contract';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { FingerprintPanel, StepActions } from './step-parts';

export function FingerprintStep({ identity, onContinue, onGuide }: { identity: Identity; onContinue(): void; onGuide(): void }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('fingerprint.title')}</PageHeading>
      <p className="lead">{t('fingerprint.for', { gemeente: identity.gemeenteName, device: identity.deviceLabel })}</p>
      <FingerprintPanel id="fingerprint-heading" title={t('fingerprint.heading')} value={identity.fingerprint}>
        <p>{t('fingerprint.explain')}</p>
        <p>{t('fingerprint.later')}</p>
      </FingerprintPanel>
      <StepActions main={{ label: t('fingerprint.continue'), onClick: onContinue }} other={{ label: t('firstRun.toGuide'), onClick: onGuide }} />
    </>
  );
}
