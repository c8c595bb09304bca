// After "Deze laptop toevoegen aan een gemeente die al Regie gebruikt": this laptop's fingerprint, saving the
// request file for the colleague with the gemeente key, and what happens next (the certificate comes back and
// is read in at Instellingen › Apparaten en sleutels).
import { useEffect, useRef, useState } from 'react';
import type { JoinRequestFile } from '../../../shared/api/identity';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { saveBlob } from '../exchange/file-transfer';
import { FingerprintPanel, StepActions } from './step-parts';

interface Props {
  request: JoinRequestFile;
  gemeente: string;
  deviceLabel: string;
  onContinue(): void;
}

export function JoinStep({ request, gemeente, deviceLabel, onContinue }: Props) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) statusRef.current?.focus();
  }, [saved]);

  function save() {
    saveBlob(new Blob([request.content], { type: 'application/json' }), request.fileName);
    setSaved(true);
  }

  return (
    <>
      <PageHeading>{t('join.title')}</PageHeading>
      <p className="lead">{t('join.for', { gemeente: gemeenteName(gemeente), device: deviceLabel })}</p>
      <FingerprintPanel id="join-fingerprint" title={t('join.fingerprint')} value={request.fingerprint} />
      <h2>{t('join.next')}</h2>
      <ol className="join-steps">
        <li>{t('join.next1')}</li>
        <li>{t('join.next2')}</li>
        <li>{t('join.next3')}</li>
      </ol>
      <p ref={statusRef} role="status" tabIndex={-1}>
        {saved ? t('join.saved', { name: request.fileName }) : ''}
      </p>
      <StepActions main={{ label: t('join.save'), onClick: save }} other={{ label: t('join.continue'), onClick: onContinue }} />
    </>
  );
}
