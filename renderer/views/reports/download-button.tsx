// A button that has main make a report file and saves it; says when it is busy and when it is done.
import { useState } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import type { ReportFile } from '../../../shared/reports/types';
import { api, ApiCallError } from '../../api/client';
import { useI18n } from '../../i18n/t';
import { saveFile } from './download';

export type FileRequest = MethodInput<'reports.file'>;

export interface DownloadOutcome {
  file?: string;
  error?: ApiCallError;
}

/** `request` asks reports.file for the file; `fetchFile` makes it through another method (vaststellen, samenwerking). */
export function DownloadButton({
  label,
  request,
  fetchFile,
  onOutcome,
  secondary = false,
  disabled = false,
}: {
  label: string;
  request?: () => FileRequest;
  fetchFile?: () => Promise<ReportFile>;
  onOutcome: (o: DownloadOutcome) => void;
  secondary?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = fetchFile ? await fetchFile() : await api().call('reports.file', request!());
      saveFile(file);
      onOutcome({ file: file.fileName });
    } catch (err) {
      onOutcome({ error: err instanceof ApiCallError ? err : new ApiCallError('bad_response', String(err)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={secondary ? 'button button--secondary' : 'button'} disabled={busy || disabled} aria-disabled={busy || disabled} onClick={() => void run()}>
      {busy ? t('reports.download.busy') : label}
    </button>
  );
}
