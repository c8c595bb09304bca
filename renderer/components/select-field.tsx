// A labelled drop-down list (div.field > label + select), with an optional hint below it that the list points to.
import type { ReactNode } from 'react';

export interface Choice {
  value: string | number;
  label: string;
}

/** The <option>s of a list of choices. */
export function Choices({ choices }: { choices: readonly Choice[] }) {
  return (
    <>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  choices?: readonly Choice[];
  /** Choices under a heading each (optgroup). */
  groups?: readonly { label: string; choices: readonly Choice[] }[];
  /** Class of the select; 'input' unless said otherwise. */
  inputClass?: string;
  className?: string;
  disabled?: boolean;
  /** Shown below the list; read out with it only when `hintId` is given. */
  hint?: ReactNode;
  hintId?: string;
}

export function SelectField({ id, label, value, onChange, choices = [], groups = [], inputClass = 'input', className, disabled, hint, hintId }: SelectFieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className={inputClass} value={value} aria-describedby={hintId} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <Choices choices={choices} />
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            <Choices choices={g.choices} />
          </optgroup>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
