import type { RotaRecord } from '../types.js';
import { fmt, pct } from '../model.js';

/** The harm picture in one line: harm covered, breaches, objective and how good the solve is. */
export function RotaStats({ rota, unit }: { rota: RotaRecord; unit: string }) {
  const e = rota.evaluation;
  const share = e.harmTotal > 0 ? e.harmCovered / e.harmTotal : null;
  return (
    <dl className="rota-stats" data-testid="rota-stats">
      <div><dt>Harm covered</dt><dd>{fmt(e.harmCovered)} of {fmt(e.harmTotal)} {unit} ({pct(share, 0)})</dd></div>
      <div className={e.hardViolations ? 'bad' : 'good'}><dt>Hard-rule breaches</dt><dd>{e.hardViolations}</dd></div>
      <div><dt>Objective</dt><dd>{fmt(e.objective)}</dd></div>
      <div><dt>Solve</dt><dd>{rota.solve.status}, gap {pct(rota.solve.gap)}, {fmt(rota.solve.seconds, 0)} s ({rota.solve.engine})</dd></div>
      <div><dt>Assignments</dt><dd>{rota.rota.assignments.length}</dd></div>
    </dl>
  );
}
