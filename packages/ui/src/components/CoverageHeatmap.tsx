import { useState } from 'react';
import type { CoverageRow, Scenario } from '../types.js';
import { coverageByKey, weekdayOf, fmt, horizonDates, horizonShifts, longDate, pct, type Highlight } from '../model.js';
import { useGridNav } from '../useGridNav.js';
import { DayHead } from './DayHead.js';

export interface CoverageHeatmapProps {
  scenario: Scenario;
  coverage: CoverageRow[];
  highlight: Highlight;
}

/** White → red by unmet harm, relative to the worst cell. */
export function heatColour(unmet: number, max: number): string {
  if (max <= 0 || unmet <= 0) return 'hsl(140 40% 94%)';
  const t = Math.min(1, unmet / max);
  return `hsl(${Math.round(45 - 45 * t)} 85% ${Math.round(92 - 50 * t)}%)`;
}

/** Coverage heatmap: Hotspot × Shift, coloured by unmet forecast harm; hover or focus for numbers. */
export function CoverageHeatmap({ scenario, coverage, highlight }: CoverageHeatmapProps) {
  const shifts = horizonShifts(scenario);
  const dates = horizonDates(scenario);
  const nav = useGridNav(scenario.hotspots.length, shifts.length);
  const cov = coverageByKey(coverage);
  const max = coverage.reduce((m, r) => Math.max(m, r.unmetHarm), 0);
  const unit = scenario.forecast?.unit ?? 'harm';
  const typeName = new Map(scenario.shiftTypes.map((t) => [t.id, t.name]));
  const [detail, setDetail] = useState<string>('Hover over or focus a cell to see its numbers.');

  const describe = (hotspotName: string, shiftId: string, row: CoverageRow | undefined, shiftTypeId: string, date: string) => {
    const where = `${hotspotName}, ${longDate(date)} ${typeName.get(shiftTypeId) ?? shiftTypeId}`;
    if (!row) return `${where}: no forecast harm`;
    const share = row.expectedHarm > 0 ? row.coveredHarm / row.expectedHarm : null;
    return `${where}: forecast ${fmt(row.expectedHarm, 2)} ${unit}, covered ${fmt(row.coveredHarm, 2)} (${pct(share, 0)}), unmet ${fmt(row.unmetHarm, 2)}; ${fmt(row.officerHours)} officer-hours`;
  };

  return (
    <section className="heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Coverage: unmet harm by hotspot and shift</h2>
      <div className="grid-scroll">
        <table className="heat" role="grid" aria-label="Coverage heatmap" ref={nav.ref} onKeyDown={nav.onKeyDown}>
          <thead>
            <tr>
              <th scope="col" className="corner">Hotspot</th>
              {dates.map((d) => {
                const span = shifts.filter((s) => s.date === d).length;
                return span > 0 ? (
                  <th scope="colgroup" colSpan={span} key={d} title={longDate(d)} aria-label={longDate(d)} className={`day${weekdayOf(d) >= 6 ? ' weekend' : ''}`}>
                    <DayHead date={d} />
                  </th>
                ) : null;
              })}
            </tr>
          </thead>
          <tbody>
            {scenario.hotspots.map((h, r) => (
              <tr key={h.id} className={highlight.hotspots.has(h.id) ? 'lit-row' : undefined}>
                <th scope="row" className="row-head">{h.name}</th>
                {shifts.map((s, c) => {
                  const row = cov.get(`${h.id}|${s.id}`);
                  const text = describe(h.name, s.id, row, s.shiftTypeId, s.date);
                  const props = nav.cellProps(r, c);
                  const lit = highlight.hotspots.has(h.id) || highlight.shifts.has(s.id);
                  return (
                    <td
                      key={s.id}
                      role="gridcell"
                      className={`heat-cell${lit ? ' lit' : ''}${c > 0 && shifts[c - 1]!.date !== s.date ? ' day-start' : ''}`}
                      style={{ background: heatColour(row?.unmetHarm ?? 0, max) }}
                      title={text}
                      aria-label={text}
                      data-hotspot={h.id}
                      data-shift={s.id}
                      {...props}
                      onFocus={() => {
                        props.onFocus();
                        setDetail(text);
                      }}
                      onMouseEnter={() => setDetail(text)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="heat-detail" aria-live="polite" data-testid="heat-detail">{detail}</p>
      <p className="heat-scale" aria-hidden="true">
        <span style={{ background: heatColour(0, 1) }}>all covered</span>
        <span style={{ background: heatColour(0.5, 1) }}>some unmet</span>
        <span style={{ background: heatColour(1, 1) }}>most unmet ({fmt(max, 2)} {unit})</span>
      </p>
    </section>
  );
}
