// Status and signatures of an agreement, in words and with a badge that does not rely on colour alone.
import type { AgreementRecord } from '../../../shared/domain/agreement';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { formatDay } from '../../components/coord-format';
import { useI18n } from '../../i18n/t';
import { agreementState, signatureOf } from './agreement-status';

export function AgreementStatus({ agreement, today }: { agreement: AgreementRecord; today: string }) {
  const { t, locale } = useI18n();
  const s = agreementState(agreement, today);
  switch (s.kind) {
    case 'proposed':
      return <span className="badge badge--warning">{t('agreements.status.proposed')}</span>;
    case 'inForce':
      return (
        <>
          <span className="badge badge--accepted">{t('agreements.status.inForce')}</span>
          {s.terminateFrom && <span className="muted"> {t('agreements.status.endsFrom', { date: formatDay(s.terminateFrom, locale) })}</span>}
        </>
      );
    case 'terminated':
      return <span className="badge badge--blocking">{t('agreements.status.terminated', { date: formatDay(s.from, locale) })}</span>;
    case 'expired':
      return <span className="badge">{t('agreements.status.expired')}</span>;
  }
}

export function Signatures({ agreement }: { agreement: AgreementRecord }) {
  const { t } = useI18n();
  return (
    <ul className="signatures">
      {agreement.parties.map((p) => {
        const s = signatureOf(agreement, p);
        return (
          <li key={p} className={`signature signature--${s}`}>
            <span aria-hidden="true">{s === 'current' ? '✓' : '○'}</span> {gemeenteName(p)}: {t(`agreements.signature.${s}`)}
          </li>
        );
      })}
    </ul>
  );
}
