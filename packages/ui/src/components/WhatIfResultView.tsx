import type { WhatIfRun } from '../types.js';
import { fmt, pct } from '../model.js';
import { WhatIfChart } from './WhatIfChart.js';
import { MarginalTable } from './MarginalTable.js';

/** Curve points as a table (the chart's numbers, for reading and for screen readers). */
export function CurveTable({ run }: { run: WhatIfRun }) {
  const pts = [...run.result.curve].sort((a, b) => a.extraOfficers - b.extraOfficers);
  return (
    <table className="curve" data-testid="curve-table">
      <caption>Harm covered and cost by extra officers ({run.unit})</caption>
      <thead>
        <tr>
          <th scope="col">Extra officers</th>
          <th scope="col">Harm covered</th>
          <th scope="col">Gain vs previous</th>
          <th scope="col">Unmet harm</th>
          <th scope="col">Overtime cost</th>
          <th scope="col">Gap</th>
        </tr>
      </thead>
      <tbody>
        {pts.map((p, i) => (
          <tr key={p.extraOfficers}>
            <th scope="row">+{p.extraOfficers}</th>
            <td className="num">{fmt(p.harmCovered)}</td>
            <td className="num">{i === 0 ? '–' : fmt(p.harmCovered - pts[i - 1]!.harmCovered)}</td>
            <td className="num">{fmt(p.unmetHarm)}</td>
            <td className="num">{fmt(p.overtimeCost)}</td>
            <td className="num">{pct(p.gap)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One what-if: the chart, its numbers and the marginal-value table. */
export function WhatIfResultView({ run }: { run: WhatIfRun }) {
  return (
    <section className="whatif-result" aria-label={`What-if result: ${run.label}`}>
      <h3>{run.label} <small>({run.scenarioName}, {fmt(run.result.seconds, 0)} s)</small></h3>
      <WhatIfChart points={run.result.curve} unit={run.unit} title={`What-if ${run.label}`} />
      <div className="whatif-tables">
        <CurveTable run={run} />
        <MarginalTable rows={run.result.marginal} scenario={run.scenario} unit={run.unit} />
      </div>
    </section>
  );
}
