import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AbstractionKind, Officer, Problem } from '../types.js';
import { ABSTRACTION_KINDS } from '../types.js';
import { addDays, officerLabel } from '../model.js';
import { FieldError } from './FieldError.js';
import { errorId, issuesByPath, IssuesProvider } from '../issues.js';

export interface AbstractionFormProps {
  officers: Officer[];
  officerId: string;
  date: string;
  minDate: string;
  maxDate: string;
  problem: Problem | null;
  busy: boolean;
  onSubmit: (officerId: string, a: { kind: AbstractionKind; start: string; end: string }) => void;
  onCancel: () => void;
}

/** Mark an Officer sick, on leave, on a course or at court for some days (end date inclusive here). */
export function AbstractionForm(props: AbstractionFormProps) {
  const [officerId, setOfficerId] = useState(props.officerId);
  const [kind, setKind] = useState<AbstractionKind>('sick');
  const [first, setFirst] = useState(props.date);
  const [last, setLast] = useState(props.date);
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const wrongOrder = last < first;
  const issues = issuesByPath(props.problem);
  const a11y = (path: string) => (issues.has(path) ? { 'aria-invalid': true as const, 'aria-describedby': errorId(path) } : {});
  const startA11y = a11y('start');
  const endA11y = a11y('end');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (wrongOrder) return;
    props.onSubmit(officerId, { kind, start: first, end: addDays(last, 1) });
  };

  return (
    <IssuesProvider problem={props.problem}>
      <form className="abstraction-form" role="dialog" aria-labelledby="abs-title" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
        <h2 id="abs-title">Mark an officer unavailable</h2>
        <div className="row">
          <div className="field">
            <label htmlFor="abs-officer">Officer</label>
            <select id="abs-officer" ref={ref} value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
              {props.officers.map((o) => (
                <option key={o.id} value={o.id}>{officerLabel(o)}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="abs-kind">Reason</label>
            <select id="abs-kind" value={kind} onChange={(e) => setKind(e.target.value as AbstractionKind)}>
              {ABSTRACTION_KINDS.map((k) => (
                <option key={k} value={k}>{k}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="abs-first">First day</label>
            <input id="abs-first" type="date" value={first} min={props.minDate} max={props.maxDate} onChange={(e) => setFirst(e.target.value)} {...startA11y} />
            <FieldError path="start" />
          </div>
          <div className="field">
            <label htmlFor="abs-last">Last day</label>
            <input
              id="abs-last"
              type="date"
              value={last}
              min={props.minDate}
              max={props.maxDate}
              onChange={(e) => setLast(e.target.value)}
              {...endA11y}
              aria-invalid={wrongOrder || issues.has('end') || undefined}
            />
            {wrongOrder && <span className="field-error" role="alert">The last day is before the first day.</span>}
            <FieldError path="end" />
          </div>
        </div>
        <FieldError path="" />
        <FieldError path="kind" />
        <div className="actions">
          <button type="submit" className="primary" disabled={props.busy || wrongOrder}>Save</button>
          <button type="button" onClick={props.onCancel}>Cancel</button>
        </div>
      </form>
    </IssuesProvider>
  );
}
