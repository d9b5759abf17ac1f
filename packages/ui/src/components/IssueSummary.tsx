import type { Problem, Scenario } from '../types.js';
import { normalizePath } from '../issues.js';
import { officerLabel } from '../model.js';
import { fieldId } from './Field.js';

const LISTS: Record<string, string> = { officers: 'Officer', hotspots: 'Hotspot', shiftTypes: 'Shift type', abstractions: 'abstraction' };

/** `officers.2.rank` → `Officer 3 (PC Khan) › rank`. */
export function describePath(path: string, scenario: Scenario | null): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (LISTS[p] && next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next);
      let name = '';
      if (i === 0 && scenario) {
        if (p === 'officers' && scenario.officers[n]) name = officerLabel(scenario.officers[n]!);
        else if (p === 'hotspots') name = scenario.hotspots[n]?.name ?? '';
        else if (p === 'shiftTypes') name = scenario.shiftTypes[n]?.name ?? '';
      }
      out.push(`${LISTS[p]} ${n + 1}${name.trim() ? ` (${name})` : ''}`);
      i++;
    } else out.push(p);
  }
  return out.join(' › ') || 'Scenario';
}

/** All of a problem's issues in one list, each linking to the field it concerns. */
export function IssueSummary({ problem, scenario }: { problem: Problem | null; scenario: Scenario | null }) {
  if (!problem) return null;
  return (
    <div className="issue-summary" role="alert" aria-labelledby="issue-summary-title">
      <h3 id="issue-summary-title">{problem.title}</h3>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.issues && problem.issues.length > 0 && (
        <ul>
          {problem.issues.map((issue, i) => {
            const path = normalizePath(issue.path);
            return (
              <li key={i}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(e) => {
                    const el = document.getElementById(fieldId(path));
                    if (!el) return;
                    e.preventDefault();
                    el.closest('details')?.setAttribute('open', '');
                    el.focus();
                  }}
                >
                  {describePath(path, scenario)}
                </a>
                : {issue.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
