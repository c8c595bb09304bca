// Verzoeken: the inbox (requests to us) and outbox (ours) side by side with the selected request, which the
// provider answers with officers (or declines) and the host withdraws or approves.
import type { Identity } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorPanel } from '../../components/error-panel';
import { PageHeading } from '../../components/page-heading';
import { VirtualList } from '../../components/virtual-list';
import { useI18n } from '../../i18n/t';
import { useProblemsStore } from '../problems/problems-store';
import { RequestDetail } from './request-detail';
import { RequestRow } from './request-row';
import '../../styles/coordination.css';

export function RequestsView({ sub, identity }: { sub: string | undefined; identity: Identity }) {
  const { t } = useI18n();
  const loadProblems = useProblemsStore((s) => s.load);
  const {
    data: requests,
    error,
    refresh: load,
  } = useApiQuery(async () => {
    // In and out separately: at region scale 'all' would also carry every request between other partners.
    const [incoming, outgoing] = await Promise.all([api().call('requests.overview', { direction: 'in' }), api().call('requests.overview', { direction: 'out' })]);
    // Own officers are assigned directly on the shift; a request to oneself (from an older copy) is no request.
    return [...incoming, ...outgoing].filter((r) => r.provider !== r.host);
  }, []);

  const me = identity.gemeente;
  const selected = sub && sub !== 'uit' ? requests?.find((r) => r.id === sub) : undefined;
  const box: 'in' | 'out' = sub === 'uit' ? 'out' : selected ? (selected.provider === me ? 'in' : 'out') : 'in';
  const inbox = requests?.filter((r) => r.provider === me) ?? [];
  const outbox = requests?.filter((r) => r.host === me) ?? [];
  const list = box === 'in' ? inbox : outbox;

  async function changed() {
    await Promise.all([load(), loadProblems()]);
  }

  return (
    <>
      <PageHeading>{t('screen.verzoeken')}</PageHeading>
      <p className="lead">{t('requests.intro')}</p>
      <nav className="tabs" aria-label={t('requests.boxes')}>
        <a href="#/verzoeken" className="tabs__tab" aria-current={box === 'in' ? 'page' : undefined}>
          {t('requests.inbox')} ({inbox.length})
        </a>
        <a href="#/verzoeken/uit" className="tabs__tab" aria-current={box === 'out' ? 'page' : undefined}>
          {t('requests.outbox')} ({outbox.length})
        </a>
      </nav>
      {error && <ErrorPanel error={error} onRetry={() => void load()} />}
      {!requests && !error && <p role="status">{t('requests.loading')}</p>}
      {requests && (
        <div className="split">
          <section className="split__list" aria-labelledby="requests-list-title">
            <h2 id="requests-list-title" className="visually-hidden">
              {box === 'in' ? t('requests.inbox') : t('requests.outbox')}
            </h2>
            {list.length === 0 ? (
              <p className="panel panel--empty">{box === 'in' ? t('requests.emptyIn') : t('requests.emptyOut')}</p>
            ) : (
              <VirtualList
                items={list}
                label={box === 'in' ? t('requests.inbox') : t('requests.outbox')}
                estimateSize={96}
                getKey={(r) => r.id}
                height="70vh"
                renderItem={(r) => <RequestRow request={r} box={box} selected={r.id === selected?.id} />}
              />
            )}
          </section>
          <div className="split__detail">
            {selected ? (
              <RequestDetail key={selected.id} request={selected} identity={identity} onChanged={changed} />
            ) : sub && sub !== 'uit' ? (
              <p className="panel panel--empty">{t('requests.notFound')}</p>
            ) : (
              <p className="panel panel--empty">{t('requests.pick')}</p>
            )}
          </div>
        </div>
      )}
    </>
  );
}
