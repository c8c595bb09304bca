// After starting with the voorbeeldregio: what it holds, that none of it is real, and how it goes away again.
import type { Identity } from '../../../shared/api/contract';
import type { DemoSummary } from '../../../shared/api/demo';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { StepActions } from './step-parts';

interface Props {
  identity: Identity;
  summary: DemoSummary;
  onContinue(): void;
  onGuide(): void;
}

export function DemoReadyStep({ identity, summary, onContinue, onGuide }: Props) {
  const { t } = useI18n();
  const [a = '', b = ''] = summary.partners.map(gemeenteName);
  return (
    <>
      <PageHeading>{t('demo.readyTitle')}</PageHeading>
      <p className="lead">
        {t('demo.readyLead', {
          gemeente: identity.gemeenteName,
          partners: t('demo.and', { a, b }),
          events: summary.events,
          officers: summary.officers,
          requests: summary.requests,
          agreements: summary.agreements,
        })}
      </p>
      <div className="panel panel--warning">
        <p>{t('demo.readyNotReal')}</p>
      </div>
      <p>{t('demo.readyTry')}</p>
      <p>{t('demo.readyRemove')}</p>
      <StepActions main={{ label: t('demo.toApp'), onClick: onContinue }} other={{ label: t('firstRun.toGuide'), onClick: onGuide }} />
    </>
  );
}
