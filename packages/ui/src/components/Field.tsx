import type { InputHTMLAttributes, ReactNode } from 'react';
import { errorId, useIssues } from '../issues.js';
import { FieldError } from './FieldError.js';

export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>;

export interface FieldProps extends InputProps {
  /** Dotted scenario path (`officers.2.name`): ties the input to the API's issues for it. */
  path: string;
  label: string;
  /** Keep the label for assistive technology only (table cells). */
  hideLabel?: boolean;
  value: string | number;
  onValue: (value: string) => void;
}

/** A labelled input with the API's validation messages beside it. */
export function Field({ path, label, hideLabel, value, onValue, ...rest }: FieldProps) {
  const issues = useIssues(path);
  return (
    <span className={`field${issues.length ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <input
        id={fieldId(path)}
        value={typeof value === 'number' && !Number.isFinite(value) ? '' : value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={issues.length ? true : undefined}
        aria-describedby={issues.length ? errorId(path) : undefined}
        {...rest}
      />
      <FieldError path={path} />
    </span>
  );
}

export interface SelectFieldProps {
  path: string;
  label: string;
  hideLabel?: boolean;
  value: string;
  options: readonly string[];
  onValue: (value: string) => void;
}

export function SelectField({ path, label, hideLabel, value, options, onValue }: SelectFieldProps) {
  const issues = useIssues(path);
  return (
    <span className={`field${issues.length ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select
        id={fieldId(path)}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={issues.length ? true : undefined}
        aria-describedby={issues.length ? errorId(path) : undefined}
      >
        {options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
      <FieldError path={path} />
    </span>
  );
}

/** A group of inputs with one set of messages (e.g. weekday checkboxes). */
export function FieldGroup({ path, label, children }: { path: string; label: string; children: ReactNode }) {
  const issues = useIssues(path);
  return (
    <fieldset className={`field-group${issues.length ? ' invalid' : ''}`} aria-describedby={issues.length ? errorId(path) : undefined}>
      <legend className="sr-only">{label}</legend>
      {children}
      <FieldError path={path} />
    </fieldset>
  );
}

export const toNumber = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
export const splitList = (v: string) => v.split(/\s*,\s*/);
export const joinList = (xs: string[] | undefined) => (xs ?? []).join(', ');
