import type { ShiftType } from '../types.js';
import { shiftAbbrevs, shiftColour, textOn } from '../model.js';

/** Key to the rota grid: a chip per ShiftType and the cell markers. */
export function Legend({ shiftTypes }: { shiftTypes: ShiftType[] }) {
  const abbrev = shiftAbbrevs(shiftTypes);
  return (
    <ul className="legend" aria-label="Legend">
      {shiftTypes.map((t) => {
        const colour = shiftColour(shiftTypes, t.id);
        return (
          <li key={t.id}>
            <span className="chip" style={{ background: colour, color: textOn(colour) }}>
              {abbrev.get(t.id)}
            </span>{' '}
            {t.name} {t.start}–{t.end}
          </li>
        );
      })}
      <li><span className="chip pinned sample">P</span> pinned</li>
      <li><span className="pin-off">X</span> pinned off</li>
      <li><span className="swatch abs">&nbsp;</span> abstraction (sick, leave…)</li>
      <li><span className="chip added sample">+</span> new in re-solve</li>
      <li><span className="chip removed">–</span> removed in re-solve</li>
    </ul>
  );
}
