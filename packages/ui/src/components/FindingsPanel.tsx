import { useState } from 'react';
import type { Finding } from '../types.js';
import { fmt, ruleTitle } from '../model.js';

export interface FindingsPanelProps {
  findings: Finding[];
  selected: Finding | null;
  onSelect: (finding: Finding | null) => void;
}

interface Group {
  ruleId: string;
  kind: Finding['kind'];
  items: Finding[];
  violations: number;
}

/** Findings grouped by rule: breaches of hard rules first, then the rest by weight. */
export function groupFindings(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const g = groups.get(f.ruleId) ?? { ruleId: f.ruleId, kind: f.kind, items: [], violations: 0 };
    g.items.push(f);
    if (f.violation) g.violations += 1;
    groups.set(f.ruleId, g);
  }
  for (const g of groups.values()) g.items.sort((a, b) => Number(b.violation) - Number(a.violation) || Math.abs(b.penalty) - Math.abs(a.penalty));
  return [...groups.values()].sort(
    (a, b) => b.violations - a.violations || Number(b.kind === 'hard') - Number(a.kind === 'hard') || a.ruleId.localeCompare(b.ruleId),
  );
}

const PAGE = 8;

/** Every Finding as a sentence, grouped by rule; choosing one lights its cells in the grid. */
export function FindingsPanel({ findings, selected, onSelect }: FindingsPanelProps) {
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const groups = groupFindings(findings);
  const breaches = findings.filter((f) => f.violation).length;

  return (
    <section className="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">Findings</h2>
      <p className="summary">
        {findings.length === 0
          ? 'No findings.'
          : `${findings.length} findings from ${groups.length} rules; ${breaches === 0 ? 'no hard rule is broken' : `${breaches} hard-rule breaches`}.`}
      </p>
      {groups.map((g) => {
        const all = expanded.has(g.ruleId);
        const shown = all ? g.items : g.items.slice(0, PAGE);
        return (
          <section key={g.ruleId} className={`finding-group${g.violations ? ' has-breach' : ''}`} aria-labelledby={`rule-${g.ruleId}`}>
            <h3 id={`rule-${g.ruleId}`}>
              {ruleTitle(g.ruleId)} <span className={`kind ${g.kind}`}>{g.kind}</span>{' '}
              <span className="count">
                {g.items.length}
                {g.violations > 0 && `, ${g.violations} broken`}
              </span>
            </h3>
            <ul>
              {shown.map((f, i) => {
                const isSel = selected === f;
                return (
                  <li key={i}>
                    <button
                      type="button"
                      className={`finding${f.violation ? ' breach' : ''}${isSel ? ' selected' : ''}`}
                      aria-pressed={isSel}
                      onClick={() => onSelect(isSel ? null : f)}
                    >
                      {f.violation && <span className="badge">Breach</span>} {f.message}
                      {f.amount !== 0 && (
                        <span className="amount">
                          {' '}
                          ({fmt(f.amount, 2)} {f.unit})
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
            {g.items.length > PAGE && (
              <button
                type="button"
                className="link"
                aria-expanded={all}
                onClick={() => setExpanded((s) => {
                  const n = new Set(s);
                  if (all) n.delete(g.ruleId);
                  else n.add(g.ruleId);
                  return n;
                })}
              >
                {all ? 'Show fewer' : `Show all ${g.items.length}`}
              </button>
            )}
          </section>
        );
      })}
    </section>
  );
}
