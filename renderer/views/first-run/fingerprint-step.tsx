// After setup: this device's fingerprint and why partners will ask for it, then on into the app.
import type { Identity } from '../../../shared/api/contract';
import { Fingerprint } from '../../components/fingerprint';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';

export function FingerprintStep({ identity, onContinue }: { identity: Identity; onContinue(): void }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('fingerprint.title')}</PageHeading>
      <p className="lead">{t('fingerprint.for', { gemeente: identity.gemeenteName, device: identity.deviceLabel })}</p>
      <section className="panel" aria-labelledby="fingerprint-heading">
        <h2 id="fingerprint-heading" className="panel__title">
          {t('fingerprint.heading')}
        </h2>
        <Fingerprint value={identity.fingerprint} />
        <p>{t('fingerprint.explain')}</p>
        <p>{t('fingerprint.later')}</p>
      </section>
      <button type="button" className="button" onClick={onContinue}>
        {t('fingerprint.continue')}
      </button>
    </>
  );
}
