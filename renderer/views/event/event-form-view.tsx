// The route #/evenementen/nieuw: the event form; once created, the new event's own screen opens so its
// shifts can be added straight away.
import type { EventFields } from '../../../shared/domain/event';
import { api } from '../../api/client';
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import { eventPath, navigate } from '../../routing/routes';
import { useUiStore } from '../../state/ui-store';
import { EventForm } from './event-form';
import { EMPTY_EVENT } from './event-form-model';

export function NewEventView() {
  const { t } = useI18n();
  const listPath = useUiStore((s) => s.listPath);
  const announce = useUiStore((s) => s.announce);
  const save = async (fields: EventFields) => {
    const created = await api().call('events.create', fields);
    announce({ text: t('ev.created', { name: created.name }), path: eventPath(created.id) });
    navigate(eventPath(created.id));
  };
  return (
    <>
      <PageHeading>{t('form.newTitle')}</PageHeading>
      <EventForm initial={EMPTY_EVENT} save={save} cancel={() => navigate(listPath)} />
    </>
  );
}
