// The top of a list screen: its heading with the button that adds a new one beside it, and the lead below.
import { PageHeading } from './page-heading';

export function ListTop({ title, newHref, newLabel, lead }: { title: string; newHref: string; newLabel: string; lead: string }) {
  return (
    <>
      <div className="page-top">
        <PageHeading>{title}</PageHeading>
        <a className="button" href={newHref}>
          {newLabel}
        </a>
      </div>
      <p className="lead">{lead}</p>
    </>
  );
}
