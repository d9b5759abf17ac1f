import type { Abstraction, Officer, Rank } from '../types.js';
import { ABSTRACTION_KINDS, RANK_LIST } from '../types.js';
import { FieldError } from './FieldError.js';
import { Field, joinList, SelectField, splitList, toNumber } from './Field.js';
import { officerLabel } from '../model.js';

export interface OfficersEditorProps {
  officers: Officer[];
  startDate: string;
  onChange: (officers: Officer[]) => void;
}

function nextId(officers: Officer[]): string {
  let n = officers.length + 1;
  while (officers.some((o) => o.id === `o${n}`)) n += 1;
  return `o${n}`;
}

/** Officers of a Scenario: identity, rank, skills, contract, and abstractions. */
export function OfficersEditor({ officers, startDate, onChange }: OfficersEditorProps) {
  const set = (i: number, patch: Partial<Officer>) => onChange(officers.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const setAbs = (i: number, list: Abstraction[]) => set(i, { abstractions: list });
  const add = () =>
    onChange([...officers, { id: nextId(officers), name: '', rank: 'PC', skills: [], contractMinutesPerWeek: 40 * 60, abstractions: [], requests: [] }]);

  return (
    <section aria-labelledby="officers-title" className="editor-section">
      <h3 id="officers-title">Officers ({officers.length})</h3>
      <div className="table-scroll">
        <table className="edit-table">
          <thead>
            <tr>
              <th scope="col">Id</th><th scope="col">Name</th><th scope="col">Rank</th><th scope="col">Team</th>
              <th scope="col">Skills</th><th scope="col">Contract h/week</th><th scope="col">Abstractions</th><th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {officers.map((o, i) => {
              const p = `officers.${i}`;
              const who = officerLabel(o) || `officer ${i + 1}`;
              return (
                <tr key={i}>
                  <td><Field path={`${p}.id`} label={`Id of ${who}`} hideLabel value={o.id} onValue={(v) => set(i, { id: v })} size={6} /></td>
                  <td>
                    <Field path={`${p}.name`} label={`Name of officer ${i + 1}`} hideLabel value={o.name} onValue={(v) => set(i, { name: v })} />
                    <FieldError path={p} />
                  </td>
                  <td><SelectField path={`${p}.rank`} label={`Rank of ${who}`} hideLabel value={o.rank} options={RANK_LIST} onValue={(v) => set(i, { rank: v as Rank })} /></td>
                  <td><Field path={`${p}.team`} label={`Team of ${who}`} hideLabel value={o.team ?? ''} onValue={(v) => set(i, { team: v || undefined })} size={6} /></td>
                  <td><Field path={`${p}.skills`} label={`Skills of ${who} (comma-separated)`} hideLabel value={joinList(o.skills)} onValue={(v) => set(i, { skills: splitList(v) })} /></td>
                  <td>
                    <Field
                      path={`${p}.contractMinutesPerWeek`}
                      label={`Contract hours per week of ${who}`}
                      hideLabel
                      type="number"
                      step="0.5"
                      value={o.contractMinutesPerWeek / 60}
                      onValue={(v) => set(i, { contractMinutesPerWeek: Math.round(toNumber(v) * 60) })}
                      size={4}
                    />
                  </td>
                  <td>
                    <details>
                      <summary>{o.abstractions.length} {o.abstractions.length === 1 ? 'abstraction' : 'abstractions'}</summary>
                      {o.abstractions.map((a, j) => {
                        const q = `${p}.abstractions.${j}`;
                        const upd = (patch: Partial<Abstraction>) => setAbs(i, o.abstractions.map((x, k) => (k === j ? { ...x, ...patch } : x)));
                        return (
                          <div key={j} className="abs-row">
                            <SelectField path={`${q}.kind`} label={`Kind of abstraction ${j + 1} of ${who}`} hideLabel value={a.kind} options={ABSTRACTION_KINDS} onValue={(v) => upd({ kind: v as Abstraction['kind'] })} />
                            <Field path={`${q}.start`} label={`Start of abstraction ${j + 1} of ${who}`} hideLabel value={a.start} onValue={(v) => upd({ start: v })} size={10} />
                            <Field path={`${q}.end`} label={`End (exclusive) of abstraction ${j + 1} of ${who}`} hideLabel value={a.end} onValue={(v) => upd({ end: v })} size={10} />
                            <button type="button" aria-label={`Remove abstraction ${j + 1} of ${who}`} onClick={() => setAbs(i, o.abstractions.filter((_, k) => k !== j))}>×</button>
                          </div>
                        );
                      })}
                      <button type="button" onClick={() => setAbs(i, [...o.abstractions, { kind: 'leave', start: startDate, end: startDate }])}>
                        Add abstraction
                      </button>
                    </details>
                  </td>
                  <td>
                    <button type="button" aria-label={`Remove ${who}`} onClick={() => onChange(officers.filter((_, j) => j !== i))}>Remove</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={add}>Add officer</button>
    </section>
  );
}
