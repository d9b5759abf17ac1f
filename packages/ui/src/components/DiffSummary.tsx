import type { RotaDiff, Scenario } from '../types.js';
import { longDate, officerLabel, parseShiftId } from '../model.js';

/** What a re-solve changed against its parent rota, in words. */
export function DiffSummary({ diff, scenario }: { diff: RotaDiff | undefined; scenario: Scenario }) {
  if (!diff) return null;
  const officers = new Map(scenario.officers.map((o) => [o.id, officerLabel(o)]));
  const types = new Map(scenario.shiftTypes.map((t) => [t.id, t.name]));
  const say = (a: { officerId: string; shiftId: string }) => {
    const { shiftTypeId, date } = parseShiftId(a.shiftId);
    return `${officers.get(a.officerId) ?? a.officerId} ${types.get(shiftTypeId) ?? shiftTypeId} ${longDate(date)}`;
  };
  const total = diff.added.length + diff.removed.length;
  return (
    <details className="diff-summary" open={total > 0 && total <= 12} data-testid="diff-summary">
      <summary>
        Changes since the previous rota: {total === 0 ? 'none' : `${diff.added.length} added, ${diff.removed.length} removed`}
      </summary>
      <ul>
        {diff.removed.map((a, i) => <li key={`r${i}`} className="removed-item">Removed: {say(a)}</li>)}
        {diff.added.map((a, i) => <li key={`a${i}`} className="added-item">Added: {say(a)}</li>)}
      </ul>
    </details>
  );
}
