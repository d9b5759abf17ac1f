import type { Hotspot } from '../types.js';
import { Field, joinList, splitList, toNumber } from './Field.js';
import { FieldError } from './FieldError.js';

export interface HotspotsEditorProps {
  hotspots: Hotspot[];
  onChange: (hotspots: Hotspot[]) => void;
}

/** Hotspots of a Scenario: where, how many officers are useful at once, dosage target, skills. */
export function HotspotsEditor({ hotspots, onChange }: HotspotsEditorProps) {
  const set = (i: number, patch: Partial<Hotspot>) => onChange(hotspots.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const add = () => {
    let n = hotspots.length + 1;
    while (hotspots.some((h) => h.id === `h${n}`)) n += 1;
    onChange([...hotspots, { id: `h${n}`, name: '', lat: 51.54, lon: 0.71, saturationOfficers: 2 }]);
  };
  return (
    <section aria-labelledby="hotspots-title" className="editor-section">
      <h3 id="hotspots-title">Hotspots ({hotspots.length})</h3>
      <div className="table-scroll">
        <table className="edit-table">
          <thead>
            <tr>
              <th scope="col">Id</th><th scope="col">Name</th><th scope="col">Latitude</th><th scope="col">Longitude</th>
              <th scope="col">Saturation (officers)</th><th scope="col">Dosage min/day</th><th scope="col">Required skills</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {hotspots.map((h, i) => {
              const p = `hotspots.${i}`;
              const who = h.name || `hotspot ${i + 1}`;
              return (
                <tr key={i}>
                  <td><Field path={`${p}.id`} label={`Id of ${who}`} hideLabel value={h.id} onValue={(v) => set(i, { id: v })} size={6} /></td>
                  <td>
                    <Field path={`${p}.name`} label={`Name of hotspot ${i + 1}`} hideLabel value={h.name} onValue={(v) => set(i, { name: v })} />
                    <FieldError path={p} />
                  </td>
                  <td><Field path={`${p}.lat`} label={`Latitude of ${who}`} hideLabel type="number" step="any" value={h.lat} onValue={(v) => set(i, { lat: toNumber(v) })} size={7} /></td>
                  <td><Field path={`${p}.lon`} label={`Longitude of ${who}`} hideLabel type="number" step="any" value={h.lon} onValue={(v) => set(i, { lon: toNumber(v) })} size={7} /></td>
                  <td>
                    <Field path={`${p}.saturationOfficers`} label={`Saturation of ${who}`} hideLabel type="number" step="1" value={h.saturationOfficers} onValue={(v) => set(i, { saturationOfficers: toNumber(v) })} size={3} />
                  </td>
                  <td>
                    <Field
                      path={`${p}.dosageMinutesPerDay`}
                      label={`Dosage minutes per day of ${who}`}
                      hideLabel
                      type="number"
                      value={h.dosageMinutesPerDay ?? ''}
                      onValue={(v) => set(i, { dosageMinutesPerDay: v === '' ? undefined : toNumber(v) })}
                      size={4}
                    />
                  </td>
                  <td>
                    <Field
                      path={`${p}.requiredSkills`}
                      label={`Required skills of ${who}`}
                      hideLabel
                      value={joinList(h.requiredSkills)}
                      onValue={(v) => set(i, { requiredSkills: v.trim() ? splitList(v) : undefined })}
                    />
                  </td>
                  <td><button type="button" aria-label={`Remove ${who}`} onClick={() => onChange(hotspots.filter((_, j) => j !== i))}>Remove</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={add}>Add hotspot</button>
    </section>
  );
}
