// A short list of named facts (dl > div > dt + dd), as on a report, a detail page or a status page. A fact
// given as false (or null/undefined) is left out: a list with facts that only some records have reads as one
// list all the same.
import type { ReactNode } from 'react';

export type Fact = readonly [term: string, value: ReactNode];

export function Facts({ items, className = 'facts', testId }: { items: readonly (Fact | false | null | undefined)[]; className?: string; testId?: string }) {
  return (
    <dl className={className} data-testid={testId}>
      {items
        .filter((item): item is Fact => !!item)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
