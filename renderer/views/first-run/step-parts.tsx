// Parts the steps after setup share: this device's fingerprint in a panel, and the row of two buttons
// (on into the app, or aside to the guide or to saving a file).
import type { ReactNode } from 'react';
import { Fingerprint } from '../../components/fingerprint';

export function FingerprintPanel({ id, title, value, children }: { id: string; title: string; value: string; children?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {title}
      </h2>
      <Fingerprint value={value} />
      {children}
    </section>
  );
}

interface StepAction {
  label: string;
  onClick(): void;
}

export function StepActions({ main, other }: { main: StepAction; other: StepAction }) {
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={main.onClick}>
        {main.label}
      </button>
      <button type="button" className="button button--secondary" onClick={other.onClick}>
        {other.label}
      </button>
    </div>
  );
}
