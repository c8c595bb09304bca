// Instellingen › Apparaten en sleutels: this gemeente's key (fingerprint, whether this laptop holds it), its
// laptops in a table (with "Intrekken…" on a laptop that holds the key), adding a laptop (both halves of the
// join), and keeping, importing or replacing the gemeente key. Everything reloads after a change.
import { useState } from 'react';
import type { GemeenteDevice, GemeenteKeyInfo } from '../../../../shared/api/identity';
import { api } from '../../../api/client';
import { useApiQuery } from '../../../api/use-api-query';
import { ErrorPanel } from '../../../components/error-panel';
import { Fingerprint } from '../../../components/fingerprint';
import { formatNumber } from '../../../i18n/format';
import { useI18n, type Translate } from '../../../i18n/t';
import { usePath } from '../../../routing/use-route';
import { useSetupStore } from '../../../state/setup-store';
import { useUiStore } from '../../../state/ui-store';
import { formatInstant } from '../../exchange/words';
import { AddLaptop } from './add-laptop';
import { KeyFileSection } from './key-file';
import { RevokeDialog } from './revoke-dialog';
import './devices.css';

interface Loaded {
  key: GemeenteKeyInfo;
  devices: GemeenteDevice[];
}

export function statusText(d: GemeenteDevice, t: Translate): string {
  const base = t(`dev.status.${d.status}`);
  if (d.status === 'revoked' && d.revocation) return `${base}: ${t('dev.revokedDetail', { reason: t(`dev.reason.${d.revocation.reason}`), after: d.revocation.after })}`;
  if (!d.certified) return `${base}, ${t('dev.notCertified')}`;
  return base;
}

export function DevicesSection() {
  const { t, locale } = useI18n();
  const path = usePath();
  const announceNotice = useUiStore((s) => s.announce);
  const refreshSetup = useSetupStore((s) => s.refresh);
  const [revoking, setRevoking] = useState<GemeenteDevice>();
  const query = useApiQuery<Loaded>(async () => {
    const [key, devices] = await Promise.all([api().call('gemeente.key', {}), api().call('devices.list', {})]);
    return { key, devices };
  }, []);
  const announce = (text: string) => announceNotice({ text, path });
  const changed = async () => {
    await query.refresh();
    await refreshSetup();
  };

  const data = query.data;
  const last = (d: GemeenteDevice) =>
    d.lastSeq > 0 ? t('dev.lastEntry', { seq: formatNumber(d.lastSeq, locale), when: d.lastEntryAt ? formatInstant(d.lastEntryAt, locale) : '—' }) : t('dev.lastNone');

  return (
    <section className="settings-section devices" aria-labelledby="settings-devices" id="apparaten">
      <h2 id="settings-devices">{t('dev.title')}</h2>
      <p className="devices__intro">{t('dev.intro')}</p>
      {query.error && <ErrorPanel error={query.error} onRetry={() => void query.refresh()} />}
      {!data && !query.error && <p role="status">{t('dev.loading')}</p>}
      {data && (
        <>
          <section className="panel devices__key" aria-labelledby="devices-key">
            <h3 id="devices-key" className="panel__title">
              {t('dev.key', { gemeente: data.key.gemeenteName })}
            </h3>
            {data.key.fingerprint ? (
              <>
                <h4>{t('dev.keyFingerprint')}</h4>
                <Fingerprint value={data.key.fingerprint} />
                <p>{t('dev.keyExplain')}</p>
                <p data-testid="key-holder">
                  <strong>{data.key.holdsKey ? t('dev.keyHere') : t('dev.keyElsewhere')}</strong>
                </p>
                {data.key.previous.length > 0 && <p>{t('dev.keyPrevious', { count: data.key.previous.length })}</p>}
              </>
            ) : (
              <p data-testid="key-holder">
                <strong>{t('dev.keyNone')}</strong>
              </p>
            )}
          </section>

          <h3>{t('dev.devices', { gemeente: data.key.gemeenteName })}</h3>
          <div className="table-wrap" role="region" aria-labelledby="devices-caption" tabIndex={0}>
            <table className="table devices__table">
              <caption id="devices-caption" className="visually-hidden">
                {t('dev.devicesCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dev.col.label')}</th>
                  <th scope="col">{t('dev.col.fingerprint')}</th>
                  <th scope="col">{t('dev.col.since')}</th>
                  <th scope="col">{t('dev.col.last')}</th>
                  <th scope="col">{t('dev.col.status')}</th>
                  {data.key.holdsKey && <th scope="col">{t('dev.col.action')}</th>}
                </tr>
              </thead>
              <tbody>
                {data.devices.map((d) => (
                  <tr key={d.publicKey} className={d.status === 'revoked' ? 'devices__row--revoked' : undefined}>
                    <th scope="row">{d.label}</th>
                    <td>
                      <code className="devices__fp">{d.fingerprint}</code>
                    </td>
                    <td className="devices__when">{formatInstant(d.since, locale)}</td>
                    <td className="devices__when">{last(d)}</td>
                    <td>{statusText(d, t)}</td>
                    {data.key.holdsKey && (
                      <td>
                        {d.status === 'active' && (
                          <button type="button" className="button button--secondary button--small" onClick={() => setRevoking(d)}>
                            {t('dev.revoke')}
                            <span className="visually-hidden"> {t('dev.revokeWhich', { label: d.label })}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <AddLaptop info={data.key} onChanged={changed} announce={announce} />
          <KeyFileSection info={data.key} onChanged={changed} announce={announce} />
        </>
      )}
      {revoking && (
        <RevokeDialog
          device={revoking}
          onClose={() => setRevoking(undefined)}
          onRevoked={(text) => {
            announce(text);
            void changed();
          }}
        />
      )}
    </section>
  );
}
