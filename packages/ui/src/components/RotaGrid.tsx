import type { Pin, RotaDiff, Rota, Scenario } from '../types.js';
import {
  abstractionOn, assignmentsByCell, cellKey, horizonDates, horizonShifts, isCellLit, longDate, officerLabel,
  parseShiftId, pinKey, pinsByKey, shiftAbbrevs, shiftColour, textOn, weekdayOf, type Highlight,
} from '../model.js';
import { useGridNav } from '../useGridNav.js';
import { ABS_LABEL, DayHead } from './DayHead.js';

export interface RotaGridProps {
  scenario: Scenario;
  rota: Rota | null;
  pins: Pin[];
  diff?: RotaDiff;
  highlight: Highlight;
  /** A cell was chosen (click, Enter or Space): open its menu. */
  onCell?: (officerId: string, date: string, anchor: HTMLElement) => void;
}

/** The rota by officer: one row per Officer, one column per day, a chip per Shift. */
export function RotaGrid({ scenario, rota, pins, diff, highlight, onCell }: RotaGridProps) {
  const dates = horizonDates(scenario);
  const officers = scenario.officers;
  const nav = useGridNav(officers.length, dates.length);
  const cells = assignmentsByCell(rota);
  const pinMap = pinsByKey(pins);
  const abbrev = shiftAbbrevs(scenario.shiftTypes);
  const typeName = new Map(scenario.shiftTypes.map((t) => [t.id, t]));
  const added = new Set((diff?.added ?? []).map((a) => pinKey(a.officerId, a.shiftId)));
  const removed = new Map<string, string[]>();
  for (const a of diff?.removed ?? []) {
    const k = cellKey(a.officerId, parseShiftId(a.shiftId).date);
    removed.set(k, [...(removed.get(k) ?? []), a.shiftId]);
  }
  const shiftsByDate = new Map<string, string[]>();
  for (const s of horizonShifts(scenario)) shiftsByDate.set(s.date, [...(shiftsByDate.get(s.date) ?? []), s.id]);
  const describe = (id: string) => {
    const t = typeName.get(parseShiftId(id).shiftTypeId);
    return t ? `${t.name} ${t.start}–${t.end}` : id;
  };
  const open = (officerId: string, date: string, el: HTMLElement) => onCell?.(officerId, date, el);

  return (
    <div className="grid-scroll">
      <table className="grid rota-grid" role="grid" aria-label="Rota by officer" ref={nav.ref} onKeyDown={nav.onKeyDown}>
        <caption>
          Rota {scenario.name}: {longDate(dates[0] ?? scenario.startDate)} – {longDate(dates[dates.length - 1] ?? scenario.startDate)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="corner">Officer</th>
            {dates.map((d) => (
              <th scope="col" key={d} className={`day${weekdayOf(d) >= 6 ? ' weekend' : ''}`} title={longDate(d)} aria-label={longDate(d)}>
                <DayHead date={d} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {officers.map((o, r) => (
            <tr key={o.id} className={highlight.officers.has(o.id) ? 'lit-row' : undefined}>
              <th scope="row" className="row-head">
                <span className="name">{officerLabel(o)}</span>
                {o.skills.length > 0 && <span className="skills">{o.skills.join(', ')}</span>}
              </th>
              {dates.map((d, c) => {
                const key = cellKey(o.id, d);
                const shifts = cells.get(key) ?? [];
                const dayShifts = shiftsByDate.get(d) ?? [];
                const abs = abstractionOn(o, d);
                const offPins = dayShifts.filter((s) => pinMap.get(pinKey(o.id, s))?.kind === 'off');
                const gone = removed.get(key) ?? [];
                const lit = isCellLit(highlight, o.id, d, shifts.map((s) => s.shiftId));
                const parts = [
                  ...shifts.map((s) => {
                    const pinned = s.pinned || pinMap.get(pinKey(o.id, s.shiftId))?.kind === 'on';
                    return `${describe(s.shiftId)}${pinned ? ', pinned' : ''}${added.has(pinKey(o.id, s.shiftId)) ? ', new' : ''}`;
                  }),
                  ...offPins.map((s) => `pinned off ${describe(s)}`),
                  ...gone.map((s) => `removed ${describe(s)}`),
                  ...(abs ? [abs.kind] : []),
                ];
                const cls = ['cell', abs ? `abs abs-${abs.kind}` : '', weekdayOf(d) >= 6 ? 'weekend' : '', lit ? 'lit' : ''];
                return (
                  <td
                    key={d}
                    role="gridcell"
                    className={cls.filter(Boolean).join(' ')}
                    aria-label={`${officerLabel(o)}, ${longDate(d)}: ${parts.join('; ') || 'rest day'}`}
                    aria-selected={lit || undefined}
                    data-officer={o.id}
                    data-date={d}
                    {...nav.cellProps(r, c)}
                    onClick={(e) => open(o.id, d, e.currentTarget)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        open(o.id, d, e.currentTarget);
                      }
                    }}
                  >
                    {shifts.map((s) => {
                      const pinned = s.pinned || pinMap.get(pinKey(o.id, s.shiftId))?.kind === 'on';
                      const colour = shiftColour(scenario.shiftTypes, s.shiftTypeId);
                      const isNew = added.has(pinKey(o.id, s.shiftId));
                      return (
                        <span
                          key={s.shiftId}
                          className={`chip${pinned ? ' pinned' : ''}${isNew ? ' added' : ''}`}
                          style={{ background: colour, color: textOn(colour) }}
                          data-shift={s.shiftId}
                        >
                          {abbrev.get(s.shiftTypeId)}
                        </span>
                      );
                    })}
                    {gone.map((s) => (
                      <span key={`x${s}`} className="chip removed" data-shift={s}>
                        {abbrev.get(parseShiftId(s).shiftTypeId)}
                      </span>
                    ))}
                    {offPins.map((s) => (
                      <span key={`o${s}`} className="pin-off" data-shift={s}>
                        {abbrev.get(parseShiftId(s).shiftTypeId)}
                      </span>
                    ))}
                    {abs && shifts.length === 0 && <span className="abs-label">{ABS_LABEL[abs.kind]}</span>}
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
