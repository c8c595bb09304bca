// A short list of named facts (dl > div > dt + dd), as on a report or a status page.
import type { ReactNode } from 'react';

export function Facts({ items, className = 'facts' }: { items: readonly (readonly [term: string, value: ReactNode])[]; className?: string }) {
  return (
    <dl className={className}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
