import type { WhatIfRun } from '../types.js';
import { fmt } from '../model.js';
import { WhatIfChart } from './WhatIfChart.js';
import { rankMarginal } from './MarginalTable.js';

function stats(run: WhatIfRun) {
  const pts = [...run.result.curve].sort((a, b) => a.extraOfficers - b.extraOfficers);
  const first = pts[0];
  const last = pts[pts.length - 1];
  const added = (last?.extraOfficers ?? 0) - (first?.extraOfficers ?? 0);
  const gain = (last?.harmCovered ?? 0) - (first?.harmCovered ?? 0);
  const top = rankMarginal(run.result.marginal)[0];
  const typeName = top ? (run.scenario.shiftTypes.find((t) => t.id === top.shiftTypeId)?.name ?? top.shiftTypeId) : '';
  const hotspotName = top?.hotspotId ? (run.scenario.hotspots.find((h) => h.id === top.hotspotId)?.name ?? top.hotspotId) : '';
  return {
    officers: `+${last?.extraOfficers ?? 0}`,
    base: first?.harmCovered ?? 0,
    final: last?.harmCovered ?? 0,
    perOfficer: added > 0 ? gain / added : 0,
    unmet: last?.unmetHarm ?? 0,
    overtime: last?.overtimeCost ?? 0,
    best: top ? `${typeName}${hotspotName ? ` at ${hotspotName}` : ''}` : '–',
  };
}

/** Two what-if scenarios side by side: their curves and the numbers a planner compares. */
export function ScenarioCompare({ a, b }: { a: WhatIfRun; b: WhatIfRun }) {
  const sa = stats(a);
  const sb = stats(b);
  const rows: [string, string, string, string][] = [
    ['Extra officers', sa.officers, sb.officers, ''],
    [`Harm covered, today (${a.unit})`, fmt(sa.base), fmt(sb.base), fmt(sb.base - sa.base)],
    [`Harm covered, with the extra officers`, fmt(sa.final), fmt(sb.final), fmt(sb.final - sa.final)],
    ['Harm covered per extra officer', fmt(sa.perOfficer, 2), fmt(sb.perOfficer, 2), fmt(sb.perOfficer - sa.perOfficer, 2)],
    ['Unmet harm left', fmt(sa.unmet), fmt(sb.unmet), fmt(sb.unmet - sa.unmet)],
    ['Overtime cost', fmt(sa.overtime), fmt(sb.overtime), fmt(sb.overtime - sa.overtime)],
    ['One more officer buys most on', sa.best, sb.best, ''],
  ];
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare scenarios</h3>
      <div className="compare-charts">
        <figure>
          <figcaption>A: {a.label} <small>({a.scenarioName})</small></figcaption>
          <WhatIfChart points={a.result.curve} unit={a.unit} title={`Scenario A ${a.label}`} width={440} height={240} />
        </figure>
        <figure>
          <figcaption>B: {b.label} <small>({b.scenarioName})</small></figcaption>
          <WhatIfChart points={b.result.curve} unit={b.unit} title={`Scenario B ${b.label}`} width={440} height={240} />
        </figure>
      </div>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">A: {a.label}</th>
            <th scope="col">B: {b.label}</th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, x, y, d]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{x}</td>
              <td className="num">{y}</td>
              <td className="num">{d}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
