// A gemeente as its colour with its abbreviation (and optionally its name): readable without colour vision.
import { gemeenteName } from '../../shared/domain/gemeenten';
import { gemeenteStyle } from './gemeente-palette';

export function GemeenteTag({ code, withName = false }: { code: string; withName?: boolean }) {
  const style = gemeenteStyle(code);
  const name = gemeenteName(code);
  return (
    <span className="gm-tag">
      <span className="gm-tag__abbr" style={{ backgroundColor: style.colour }} aria-hidden={withName ? true : undefined} title={withName ? undefined : name}>
        {style.abbreviation}
      </span>
      {withName ? <span className="gm-tag__name">{name}</span> : <span className="visually-hidden">{name}</span>}
    </span>
  );
}
