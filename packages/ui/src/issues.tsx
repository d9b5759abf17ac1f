import { createContext, useContext, type ReactNode } from 'react';
import type { Problem } from './types.js';

/**
 * The API's validation issues (problem+json `issues[].path`) keyed by a dotted path such as
 * `officers.2.contractMinutesPerWeek`, so each field can show the messages that concern it.
 */
const WRAPPERS = new Set(['body', 'scenario', '$', '#', '(root)']);

/** `['officers', 2, 'name']`, `officers[2].name`, `/officers/2/name`, `body.officers.2.name` → `officers.2.name`. */
export function normalizePath(path: string | (string | number)[] | undefined | null): string {
  const parts = Array.isArray(path)
    ? path.map(String)
    : String(path ?? '')
        .replace(/\[(\w+)\]/g, '.$1')
        .split(/[./]/);
  const clean = parts.filter((p) => p !== '');
  while (clean.length && WRAPPERS.has(clean[0]!)) clean.shift();
  return clean.join('.');
}

export function issuesByPath(problem: Problem | null | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of problem?.issues ?? []) {
    const key = normalizePath(issue.path);
    map.set(key, [...(map.get(key) ?? []), issue.message]);
  }
  return map;
}

export const errorId = (path: string) => `err-${path.replace(/[^a-zA-Z0-9]+/g, '-') || 'root'}`;

const IssuesContext = createContext<Map<string, string[]>>(new Map());

export function IssuesProvider({ problem, children }: { problem: Problem | null | undefined; children: ReactNode }) {
  return <IssuesContext.Provider value={issuesByPath(problem)}>{children}</IssuesContext.Provider>;
}

export function useIssues(path: string): string[] {
  return useContext(IssuesContext).get(path) ?? [];
}

/** ARIA wiring of an input to its error message. */
export function useFieldA11y(path: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const issues = useIssues(path);
  return issues.length ? { 'aria-invalid': true, 'aria-describedby': errorId(path) } : {};
}
