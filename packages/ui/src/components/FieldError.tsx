import { errorId, useIssues } from '../issues.js';

/** The API's validation messages for one field, shown beside it. */
export function FieldError({ path }: { path: string }) {
  const issues = useIssues(path);
  if (issues.length === 0) return null;
  return (
    <span className="field-error" id={errorId(path)} role="alert" data-path={path}>
      {issues.join(' ')}
    </span>
  );
}
