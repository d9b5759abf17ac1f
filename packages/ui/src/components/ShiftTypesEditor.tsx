import type { ShiftType } from '../types.js';
import { Field, FieldGroup, joinList, splitList, toNumber } from './Field.js';
import { FieldError } from './FieldError.js';
import { shiftColour } from '../model.js';

export interface ShiftTypesEditorProps {
  shiftTypes: ShiftType[];
  onChange: (shiftTypes: ShiftType[]) => void;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Shift types of a Scenario: local start/end, weekdays, nights, colour in the grid. */
export function ShiftTypesEditor({ shiftTypes, onChange }: ShiftTypesEditorProps) {
  const set = (i: number, patch: Partial<ShiftType>) => onChange(shiftTypes.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const add = () => {
    let n = shiftTypes.length + 1;
    while (shiftTypes.some((t) => t.id === `s${n}`)) n += 1;
    onChange([...shiftTypes, { id: `s${n}`, name: '', start: '09:00', end: '17:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false }]);
  };
  return (
    <section aria-labelledby="shifttypes-title" className="editor-section">
      <h3 id="shifttypes-title">Shift types ({shiftTypes.length})</h3>
      <div className="table-scroll">
        <table className="edit-table">
          <thead>
            <tr>
              <th scope="col">Id</th><th scope="col">Name</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Weekdays</th>
              <th scope="col">Night</th><th scope="col">Paid minutes</th><th scope="col">Required skills</th><th scope="col">Colour</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {shiftTypes.map((t, i) => {
              const p = `shiftTypes.${i}`;
              const who = t.name || `shift type ${i + 1}`;
              return (
                <tr key={i}>
                  <td><Field path={`${p}.id`} label={`Id of ${who}`} hideLabel value={t.id} onValue={(v) => set(i, { id: v })} size={5} /></td>
                  <td>
                    <Field path={`${p}.name`} label={`Name of shift type ${i + 1}`} hideLabel value={t.name} onValue={(v) => set(i, { name: v })} size={8} />
                    <FieldError path={p} />
                  </td>
                  <td><Field path={`${p}.start`} label={`Start of ${who}`} hideLabel type="time" value={t.start} onValue={(v) => set(i, { start: v })} /></td>
                  <td><Field path={`${p}.end`} label={`End of ${who}`} hideLabel type="time" value={t.end} onValue={(v) => set(i, { end: v })} /></td>
                  <td>
                    <FieldGroup path={`${p}.weekdays`} label={`Weekdays of ${who}`}>
                      {DAYS.map((d, k) => (
                        <label key={d} className="day-box">
                          <input
                            type="checkbox"
                            checked={t.weekdays.includes(k + 1)}
                            aria-label={`${who} runs on ${d}`}
                            onChange={(e) => set(i, { weekdays: e.target.checked ? [...t.weekdays, k + 1].sort((a, b) => a - b) : t.weekdays.filter((x) => x !== k + 1) })}
                          />
                          <span aria-hidden="true">{d.slice(0, 2)}</span>
                        </label>
                      ))}
                    </FieldGroup>
                  </td>
                  <td>
                    <input type="checkbox" checked={t.night} aria-label={`${who} is a night shift`} onChange={(e) => set(i, { night: e.target.checked })} />
                  </td>
                  <td>
                    <Field
                      path={`${p}.paidMinutes`}
                      label={`Paid minutes of ${who}`}
                      hideLabel
                      type="number"
                      value={t.paidMinutes ?? ''}
                      placeholder="actual"
                      onValue={(v) => set(i, { paidMinutes: v === '' ? undefined : toNumber(v) })}
                      size={4}
                    />
                  </td>
                  <td>
                    <Field path={`${p}.requiredSkills`} label={`Required skills of ${who}`} hideLabel value={joinList(t.requiredSkills)} onValue={(v) => set(i, { requiredSkills: v.trim() ? splitList(v) : undefined })} size={10} />
                  </td>
                  <td>
                    <Field path={`${p}.colour`} label={`Colour of ${who}`} hideLabel type="color" value={shiftColour(shiftTypes, t.id)} onValue={(v) => set(i, { colour: v })} />
                  </td>
                  <td><button type="button" aria-label={`Remove ${who}`} onClick={() => onChange(shiftTypes.filter((_, j) => j !== i))}>Remove</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={add}>Add shift type</button>
    </section>
  );
}
