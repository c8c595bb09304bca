// Searchable gemeente picker following the WAI-ARIA combobox pattern: type to filter, arrows to move,
// Enter to choose, Escape to close. The chosen value is a CBS code; the input shows "Naam (GM0000)".
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Gemeente } from '../../../shared/domain/gemeenten';
import { describedBy, FieldHintAndError } from '../../components/field';
import { useI18n } from '../../i18n/t';
import { filterGroups, optionLabel, type GemeenteGroups } from './gemeente-order';

interface Props {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  groups: GemeenteGroups;
  value: string;
  onChange(code: string): void;
}

export function GemeenteCombobox({ id, label, hint, error, groups, value, onChange }: Props) {
  const { t } = useI18n();
  const all = useMemo(() => [...groups.region, ...groups.others], [groups]);
  const selected = all.find((g) => g.code === value);
  const [query, setQuery] = useState(selected ? optionLabel(selected) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // While the text still shows the chosen gemeente, the whole list is offered, not just that one.
  const filterText = selected && query === optionLabel(selected) ? '' : query;
  const shown = useMemo(() => filterGroups(groups, filterText), [groups, filterText]);
  const flat = useMemo(() => [...shown.region, ...shown.others], [shown]);
  const activeOption = open ? flat[active] : undefined;
  const optionId = (g: Gemeente) => `${id}-option-${g.code}`;

  useEffect(() => {
    if (activeOption) document.getElementById(optionId(activeOption))?.scrollIntoView({ block: 'nearest' });
  });

  function choose(g: Gemeente) {
    onChange(g.code);
    setQuery(optionLabel(g));
    setOpen(false);
    setActive(-1);
  }

  function move(delta: number) {
    if (flat.length === 0) return;
    setOpen(true);
    setActive((i) => (i < 0 ? (delta > 0 ? 0 : flat.length - 1) : (i + delta + flat.length) % flat.length));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'Enter' && activeOption) choose(activeOption);
    else if (e.key === 'Escape' && open) setOpen(false);
    else return;
    e.preventDefault();
  }

  function onBlur() {
    setOpen(false);
    // A name typed in full counts as a choice, so keyboard users need not open the list at all.
    const exact = flat.length === 1 ? flat[0] : flat.find((g) => g.name.toLowerCase() === query.trim().toLowerCase());
    if (!selected && exact && query.trim() !== '') choose(exact);
  }

  // Grouped as in the APG's "listbox with grouped options": a presentational heading inside each group.
  const renderGroup = (key: string, title: string, items: Gemeente[]) =>
    items.length > 0 && (
      <ul role="group" aria-labelledby={`${id}-${key}`} key={key}>
        <li role="presentation" id={`${id}-${key}`} className="combobox__group">
          {title}
        </li>
        {items.map((g) => (
          <li
            key={g.code}
            id={optionId(g)}
            role="option"
            aria-selected={g.code === value}
            className={g === activeOption ? 'combobox__option combobox__option--active' : 'combobox__option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(g)}
          >
            <span className="combobox__name">{g.name}</span> <span className="combobox__code">{g.code}</span>
          </li>
        ))}
      </ul>
    );

  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldHintAndError id={id} hint={hint} error={error} />
      <div className="combobox">
        <input
          id={id}
          type="text"
          className="input"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(id, hint, error)}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (value) onChange('');
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        <div id={`${id}-listbox`} role="listbox" aria-label={label} className="combobox__list" hidden={!open || flat.length === 0}>
          {renderGroup('region', t('firstRun.region'), shown.region)}
          {renderGroup('others', t('firstRun.others'), shown.others)}
        </div>
        {open && flat.length === 0 && <p className="combobox__empty">{t('firstRun.noMatch', { query })}</p>}
      </div>
      <p className="visually-hidden" role="status">
        {open ? t('firstRun.matches', { count: flat.length }) : ''}
      </p>
    </div>
  );
}
