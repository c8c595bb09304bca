// Own officers straight onto an own shift: the candidate list with the rules' verdicts (the same one a
// partner's request is answered with), without asking one's own gemeente first.
import type { ShiftPlan } from '../../../shared/api/planning';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/t';
import '../../styles/coordination.css';
import { AnswerPanel } from '../requests/answer-panel';

interface Props {
  shift: ShiftPlan;
  subtitle: string;
  onClose(): void;
  onAssigned(text: string): void;
}

export function AssignDialog({ shift, subtitle, onClose, onAssigned }: Props) {
  const { t } = useI18n();
  const open = Math.max(1, shift.needed - shift.committed);
  return (
    <ModalDialog title={t('evassign.title')} subtitle={subtitle} onClose={onClose}>
      <AnswerPanel
        shift={{ id: shift.id, open, committed: shift.committed }}
        onCommitted={async (text) => {
          onAssigned(text);
          return Promise.resolve();
        }}
      />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('evassign.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
