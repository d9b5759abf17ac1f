import { useState } from 'react';
import { api, ApiError } from '../api.js';
import type { Problem, Scenario, ScenarioRecord } from '../types.js';
import { IssuesProvider } from '../issues.js';
import { Field, toNumber } from './Field.js';
import { OfficersEditor } from './OfficersEditor.js';
import { HotspotsEditor } from './HotspotsEditor.js';
import { ShiftTypesEditor } from './ShiftTypesEditor.js';
import { CsvImport } from './CsvImport.js';
import { IssueSummary } from './IssueSummary.js';

export interface ScenarioEditorProps {
  record: ScenarioRecord;
  /** Called with the stored record; the editor is then re-opened on it. */
  onSaved: (record: ScenarioRecord) => void;
  onReload: () => void;
}

/** Drop empty list entries the comma-separated inputs leave behind. */
export function tidy(s: Scenario): Scenario {
  const list = (xs: string[] | undefined) => xs?.map((x) => x.trim()).filter(Boolean);
  return {
    ...s,
    officers: s.officers.map((o) => ({ ...o, skills: list(o.skills) ?? [] })),
    hotspots: s.hotspots.map((h) => ({ ...h, requiredSkills: list(h.requiredSkills)?.length ? list(h.requiredSkills) : undefined })),
    shiftTypes: s.shiftTypes.map((t) => ({ ...t, requiredSkills: list(t.requiredSkills)?.length ? list(t.requiredSkills) : undefined })),
  };
}

/** Edit a Scenario's Officers, Hotspots and ShiftTypes; the API validates, issues show beside fields. */
export function ScenarioEditor({ record, onSaved, onReload }: ScenarioEditorProps) {
  const [draft, setDraft] = useState<Scenario>(record.scenario);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = draft !== record.scenario;
  const patch = (p: Partial<Scenario>) => setDraft((d) => ({ ...d, ...p }));

  const save = async (asNew: boolean) => {
    setBusy(true);
    try {
      const body = tidy(draft);
      const next = asNew
        ? await api.createScenario({ ...body, id: undefined, name: `${body.name} (copy)` })
        : await api.updateScenario(record.id, body, record.version);
      setProblem(null);
      onSaved(next);
    } catch (err) {
      setProblem(err instanceof ApiError ? err.problem : { title: 'Save failed', status: 0, detail: String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <IssuesProvider problem={problem}>
      <form className="scenario-editor" aria-labelledby="editor-title" onSubmit={(e) => (e.preventDefault(), void save(false))} noValidate>
        <div className="editor-head">
          <h2 id="editor-title">Scenario</h2>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>Save scenario</button>
            <button type="button" disabled={busy} onClick={() => void save(true)}>Save as new scenario</button>
            <button type="button" disabled={busy || !dirty} onClick={() => (setDraft(record.scenario), setProblem(null))}>Discard changes</button>
          </div>
        </div>
        {problem?.status === 412 && (
          <p className="field-error" role="alert">
            Someone saved this scenario since you opened it. <button type="button" onClick={onReload}>Load their version</button> (your edits here are discarded).
          </p>
        )}
        <IssueSummary problem={problem} scenario={draft} />
        <div className="scenario-fields">
          <Field path="name" label="Name" value={draft.name} onValue={(v) => patch({ name: v })} />
          <Field path="startDate" label="First day" type="date" value={draft.startDate} onValue={(v) => patch({ startDate: v })} />
          <Field path="days" label="Days" type="number" min={1} value={draft.days} onValue={(v) => patch({ days: toNumber(v) })} size={4} />
          <Field path="timezone" label="Timezone" value={draft.timezone} onValue={(v) => patch({ timezone: v })} />
        </div>
        <CsvImport scenario={draft} onOfficers={(officers) => patch({ officers })} onForecast={(forecast) => patch({ forecast })} />
        <OfficersEditor officers={draft.officers} startDate={draft.startDate} onChange={(officers) => patch({ officers })} />
        <HotspotsEditor hotspots={draft.hotspots} onChange={(hotspots) => patch({ hotspots })} />
        <ShiftTypesEditor shiftTypes={draft.shiftTypes} onChange={(shiftTypes) => patch({ shiftTypes })} />
      </form>
    </IssuesProvider>
  );
}
