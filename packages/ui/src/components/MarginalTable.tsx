import type { MarginalValue, Scenario } from '../types.js';
import { fmt } from '../model.js';

export function rankMarginal(rows: MarginalValue[]): MarginalValue[] {
  const gain = (m: MarginalValue) => m.confirmedGain ?? m.estimatedGain;
  return [...rows].sort((a, b) => gain(b) - gain(a));
}

/** Where one more officer buys the most: shift type and hotspot, by confirmed (else estimated) gain. */
export function MarginalTable({ rows, scenario, unit }: { rows: MarginalValue[]; scenario: Pick<Scenario, 'shiftTypes' | 'hotspots'>; unit: string }) {
  const types = new Map(scenario.shiftTypes.map((t) => [t.id, t.name]));
  const hotspots = new Map(scenario.hotspots.map((h) => [h.id, h.name]));
  const ranked = rankMarginal(rows);
  return (
    <table className="marginal" data-testid="marginal-table">
      <caption>Where one more officer buys the most ({unit})</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Shift type</th>
          <th scope="col">Hotspot</th>
          <th scope="col">Estimated gain</th>
          <th scope="col">Confirmed gain</th>
        </tr>
      </thead>
      <tbody>
        {ranked.length === 0 && (
          <tr>
            <td colSpan={5}>No marginal values were returned.</td>
          </tr>
        )}
        {ranked.map((m, i) => (
          <tr key={`${m.shiftTypeId}|${m.hotspotId ?? ''}|${i}`} className={i === 0 ? 'best' : undefined}>
            <td>{i + 1}</td>
            <th scope="row">{types.get(m.shiftTypeId) ?? m.shiftTypeId}</th>
            <td>{m.hotspotId ? (hotspots.get(m.hotspotId) ?? m.hotspotId) : 'any'}</td>
            <td className="num">{fmt(m.estimatedGain, 2)}</td>
            <td className="num">{m.confirmedGain === null ? 'not confirmed' : fmt(m.confirmedGain, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
