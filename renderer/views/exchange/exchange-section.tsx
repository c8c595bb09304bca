// One part of the Uitwisselen screen: a heading that links and menus jump to (it takes focus, so the keyboard
// lands there), an optional introduction, then the part itself.
import type { ReactNode } from 'react';

export function ExchangeSection({ id, titleId, title, intro, children }: { id: string; titleId: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="ex-section" aria-labelledby={titleId} id={id}>
      <h2 id={titleId} tabIndex={-1}>
        {title}
      </h2>
      {intro !== undefined && <p>{intro}</p>}
      {children}
    </section>
  );
}
