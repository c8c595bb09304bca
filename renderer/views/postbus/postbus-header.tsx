// The postbus's state in the header on every screen: last written and read, files waiting, or the folder
// that cannot be reached. Nothing when no postbus is set.
import { useEffect } from 'react';
import { useI18n } from '../../i18n/t';
import { formatInstant } from '../exchange/words';
import { usePostbusStore } from './postbus-store';
import './postbus.css';

export function PostbusHeader() {
  const { t, locale } = useI18n();
  const status = usePostbusStore((s) => s.status);
  const follow = usePostbusStore((s) => s.follow);
  useEffect(() => follow(), [follow]);
  if (!status?.configured) return null;
  const time = (iso: string | null) => (iso ? formatInstant(iso, locale).split(' ').slice(-1)[0]! : t('pb.never'));
  const parts = [status.error ? t('pb.header.error') : t('pb.header.ok', { written: time(status.lastWritten), read: time(status.lastRead) })];
  if (status.waiting.length) parts.push(t('pb.header.waiting', { count: status.waiting.length }));
  return (
    <a href="#/uitwisselen" className={status.error ? 'postbus-state postbus-state--error' : 'postbus-state'} data-testid="postbus-header" title={status.error?.message}>
      <span className="postbus-state__label">{t('pb.header')}</span>
      <span className="postbus-state__value" role="status">
        {parts.join(' · ')}
      </span>
    </a>
  );
}

/** The count of files waiting for the user, next to Uitwisselen in the main menu. */
export function PostbusCount() {
  const { t } = useI18n();
  const count = usePostbusStore((s) => s.status?.waiting.length ?? 0);
  if (count === 0) return null;
  return (
    <span className="badge badge--count" data-testid="postbus-count">
      {count}
      <span className="visually-hidden"> {t('pb.navCount')}</span>
    </span>
  );
}
