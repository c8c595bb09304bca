// What stops a form: a summary of the fields to correct (with any problems of no one field below it), and
// the refusal main gave, both above the fields.
import type { ApiCallError } from '../api/api-call-error';
import { ErrorPanel } from './error-panel';

interface Props {
  /** Said when some field needs correcting; nothing is shown when false or empty. */
  summary?: string | false;
  /** Problems of the form as a whole, each a sentence under the summary. */
  details?: readonly string[];
  failure?: ApiCallError | undefined;
}

export function FormProblems({ summary, details = [], failure }: Props) {
  return (
    <>
      {summary && (
        <div className="panel panel--error" role="alert">
          <p>{summary}</p>
          {details.map((d, i) => (
            <p key={i}>{d}</p>
          ))}
        </div>
      )}
      {failure && <ErrorPanel error={failure} />}
    </>
  );
}
