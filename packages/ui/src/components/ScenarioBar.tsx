import { useState, type ChangeEvent } from 'react';
import type { Scenario, ScenarioSummary } from '../types.js';

export interface ScenarioBarProps {
  scenarios: ScenarioSummary[];
  currentId: string | undefined;
  busy: boolean;
  onOpen: (id: string) => void;
  onImport: (scenario: Scenario) => void;
}

/** Choose a Scenario, or import one from a scenario JSON file (e.g. examples/southend.json). */
export function ScenarioBar({ scenarios, currentId, busy, onOpen, onImport }: ScenarioBarProps) {
  const [fileError, setFileError] = useState('');
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const parsed = JSON.parse(await file.text()) as Scenario & { scenario?: Scenario };
      setFileError('');
      onImport(parsed.scenario && !parsed.officers ? parsed.scenario : parsed);
    } catch (err) {
      setFileError(`${file.name} is not valid JSON: ${(err as Error).message}`);
    }
  };
  return (
    <div className="scenario-bar">
      <span className="inline-field">
        <label htmlFor="scenario-picker">Scenario</label>
        <select id="scenario-picker" value={currentId ?? ''} onChange={(e) => e.target.value && onOpen(e.target.value)} disabled={busy && !currentId}>
          <option value="">{scenarios.length ? 'Choose a scenario…' : 'No scenarios yet'}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} — {s.startDate}, {s.days} days, {s.officerCount} officers
            </option>
          ))}
        </select>
      </span>
      <label className="file-button">
        Import scenario (JSON)
        <input type="file" accept=".json,application/json" onChange={importFile} aria-describedby={fileError ? 'import-error' : undefined} />
      </label>
      {fileError && <span id="import-error" className="field-error" role="alert">{fileError}</span>}
    </div>
  );
}
