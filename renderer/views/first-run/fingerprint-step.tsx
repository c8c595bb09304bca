// After setup: this device's fingerprint and why partners will ask for it, then on into the app or the guide.
import type { Identity } from '../../../shared/api/contract';
import { Fingerprint } from '../../components/fingerprint';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';

export function FingerprintStep({ identity, onContinue, onGuide }: { identity: Identity; onContinue(): void; onGuide(): void }) {
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
      <div className="form__actions">
        <button type="button" className="button" onClick={onContinue}>
          {t('fingerprint.continue')}
        </button>
        <button type="button" className="button button--secondary" onClick={onGuide}>
          {t('firstRun.toGuide')}
        </button>
      </div>
    </>
  );
}
