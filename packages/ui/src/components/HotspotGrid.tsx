import type { CoverageRow, Rota, Scenario } from '../types.js';
import { coverageByKey, fmt, horizonDates, horizonShifts, longDate, shiftAbbrevs, weekdayOf, type Highlight } from '../model.js';
import { useGridNav } from '../useGridNav.js';
import { DayHead } from './DayHead.js';

export interface HotspotGridProps {
  scenario: Scenario;
  rota: Rota | null;
  coverage: CoverageRow[];
  highlight: Highlight;
}

/** The rota by Hotspot: per day and Shift, officer-hours deployed against forecast harm. */
export function HotspotGrid({ scenario, rota, coverage, highlight }: HotspotGridProps) {
  const dates = horizonDates(scenario);
  const shifts = horizonShifts(scenario);
  const nav = useGridNav(scenario.hotspots.length, dates.length);
  const cov = coverageByKey(coverage);
  const abbrev = shiftAbbrevs(scenario.shiftTypes);
  const names = new Map(scenario.shiftTypes.map((t) => [t.id, t.name]));
  const unit = scenario.forecast?.unit ?? 'harm';
  const hours = new Map<string, number>();
  for (const d of rota?.deployments ?? []) {
    const k = `${d.hotspotId}|${d.shiftId}`;
    hours.set(k, (hours.get(k) ?? 0) + d.officerHours);
  }

  return (
    <div className="grid-scroll">
      <table className="grid hotspot-grid" role="grid" aria-label="Rota by hotspot" ref={nav.ref} onKeyDown={nav.onKeyDown}>
        <caption>Officer-hours deployed (bold) against forecast harm ({unit}) per hotspot and shift</caption>
        <thead>
          <tr>
            <th scope="col" className="corner">Hotspot</th>
            {dates.map((d) => (
              <th scope="col" key={d} className={`day${weekdayOf(d) >= 6 ? ' weekend' : ''}`} title={longDate(d)} aria-label={longDate(d)}>
                <DayHead date={d} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenario.hotspots.map((h, r) => (
            <tr key={h.id} className={highlight.hotspots.has(h.id) ? 'lit-row' : undefined}>
              <th scope="row" className="row-head">
                <span className="name">{h.name}</span>
              </th>
              {dates.map((d, c) => {
                const day = shifts.filter((s) => s.date === d);
                const lines = day.map((s) => {
                  const k = `${h.id}|${s.id}`;
                  return { s, hours: hours.get(k) ?? 0, harm: cov.get(k)?.expectedHarm ?? 0 };
                });
                const label = lines.map((l) => `${names.get(l.s.shiftTypeId)}: ${fmt(l.hours)} officer-hours against ${fmt(l.harm)} ${unit}`).join('; ');
                const lit = highlight.hotspots.has(h.id) || day.some((s) => highlight.shifts.has(s.id));
                return (
                  <td key={d} role="gridcell" className={`hcell${lit ? ' lit' : ''}`} aria-label={`${h.name}, ${longDate(d)}: ${label}`} {...nav.cellProps(r, c)}>
                    {lines.map((l) => (
                      <span key={l.s.id} className={`hline${l.hours === 0 && l.harm > 0 ? ' uncovered' : ''}`} title={`${names.get(l.s.shiftTypeId)}: ${fmt(l.hours)} h / ${fmt(l.harm)} ${unit}`}>
                        <span className="abbr">{abbrev.get(l.s.shiftTypeId)}</span> <b>{fmt(l.hours)}</b>/<small>{fmt(l.harm)}</small>
                      </span>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
