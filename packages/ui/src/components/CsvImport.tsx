import { useState, type ChangeEvent } from 'react';
import type { DemandForecast, Officer, Scenario } from '../types.js';
import { forecastFromCsv, officersFromCsv, type CsvError } from '../csv.js';

export interface CsvImportProps {
  scenario: Scenario;
  onOfficers: (officers: Officer[]) => void;
  onForecast: (forecast: DemandForecast) => void;
}

async function readFile(e: ChangeEvent<HTMLInputElement>): Promise<string | null> {
  const file = e.target.files?.[0];
  e.target.value = '';
  return file ? file.text() : null;
}

function Errors({ id, errors }: { id: string; errors: CsvError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="field-error" id={id} role="alert">
      {errors.slice(0, 12).map((e, i) => (
        <li key={i}>Line {e.line}: {e.message}</li>
      ))}
      {errors.length > 12 && <li>…and {errors.length - 12} more.</li>}
    </ul>
  );
}

/** Import Officers and forecasts from CSV into the draft; nothing is saved until the user saves. */
export function CsvImport({ scenario, onOfficers, onForecast }: CsvImportProps) {
  const [merge, setMerge] = useState(true);
  const [unit, setUnit] = useState(scenario.forecast?.unit ?? 'CHI days');
  const [officerErrors, setOfficerErrors] = useState<CsvError[]>([]);
  const [forecastErrors, setForecastErrors] = useState<CsvError[]>([]);
  const [note, setNote] = useState('');

  const importOfficers = async (e: ChangeEvent<HTMLInputElement>) => {
    const text = await readFile(e);
    if (text === null) return;
    const { officers, errors } = officersFromCsv(text);
    setOfficerErrors(errors);
    if (errors.length) return setNote('');
    const byId = new Map(officers.map((o) => [o.id, o]));
    const merged = merge
      ? [...scenario.officers.map((o) => (byId.has(o.id) ? { ...o, ...byId.get(o.id)!, abstractions: o.abstractions, requests: o.requests } : o)), ...officers.filter((o) => !scenario.officers.some((x) => x.id === o.id))]
      : officers;
    onOfficers(merged);
    setNote(`Imported ${officers.length} officers. Review them below, then save the scenario.`);
  };

  const importForecast = async (e: ChangeEvent<HTMLInputElement>) => {
    const text = await readFile(e);
    if (text === null) return;
    const { forecast, errors } = forecastFromCsv(text, scenario, unit);
    setForecastErrors(errors);
    if (errors.length) return setNote('');
    onForecast(forecast);
    setNote(`Imported the forecast for ${forecast.hotspots.length} hotspots (${unit}). Save the scenario to keep it.`);
  };

  return (
    <section aria-labelledby="csv-title" className="editor-section csv-import">
      <h3 id="csv-title">Import from CSV</h3>
      <div className="csv-row">
        <label>
          Officers CSV <small>(id, name, rank, skills separated by ;, contractHoursPerWeek, team)</small>
          <input type="file" accept=".csv,text/csv" onChange={importOfficers} aria-describedby={officerErrors.length ? 'csv-officer-errors' : undefined} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={merge} onChange={(e) => setMerge(e.target.checked)} /> Merge by id (otherwise replace all officers)
        </label>
        <Errors id="csv-officer-errors" errors={officerErrors} />
      </div>
      <div className="csv-row">
        <label>
          Forecast CSV <small>(hotspotId, hour, harm — or hotspotId, weekday, hour, harm for a typical week)</small>
          <input type="file" accept=".csv,text/csv" onChange={importForecast} aria-describedby={forecastErrors.length ? 'csv-forecast-errors' : undefined} />
        </label>
        <label>
          Harm unit
          <input value={unit} onChange={(e) => setUnit(e.target.value)} size={10} />
        </label>
        <Errors id="csv-forecast-errors" errors={forecastErrors} />
      </div>
      {note && <p role="status" className="note">{note}</p>}
    </section>
  );
}
