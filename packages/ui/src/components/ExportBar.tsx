import { useState } from 'react';
import { api } from '../api.js';
import type { RotaRecord, Scenario } from '../types.js';
import { officerLabel } from '../model.js';

export interface ExportBarProps {
  rota: RotaRecord;
  scenario: Scenario;
  busy: boolean;
  onPublish: () => void;
}

/** Publish the Rota; export CSV, an Officer's iCalendar link, or print. */
export function ExportBar({ rota, scenario, busy, onPublish }: ExportBarProps) {
  const [view, setView] = useState<'rota' | 'hours' | 'hotspots'>('rota');
  const [officerId, setOfficerId] = useState(scenario.officers[0]?.id ?? '');
  const officer = scenario.officers.find((o) => o.id === officerId);
  const ics = officerId ? new URL(api.icsUrl(officerId, rota.id), window.location.href).href : '';
  return (
    <div className="export-bar" role="group" aria-label="Publish and export">
      <span className={`status ${rota.status}`} title={rota.publishedAt ? `Published ${new Date(rota.publishedAt).toLocaleString('en-GB')}` : undefined}>
        {rota.status === 'published' ? 'Published' : 'Draft'}
      </span>
      <button type="button" onClick={onPublish} disabled={busy || rota.status === 'published'}>
        {rota.status === 'published' ? 'Published' : 'Publish rota'}
      </button>
      <span className="inline-field">
        <label htmlFor="csv-view">CSV of</label>
        <select id="csv-view" value={view} onChange={(e) => setView(e.target.value as typeof view)}>
          <option value="rota">rota</option>
          <option value="hours">hours per officer</option>
          <option value="hotspots">hotspot deployments</option>
        </select>
      </span>
      <a className="button" href={api.exportCsvUrl(rota.id, view)} download={`rota-${rota.id}-${view}.csv`}>
        Download CSV
      </a>
      <span className="inline-field">
        <label htmlFor="ics-officer">Calendar of</label>
        <select id="ics-officer" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
          {scenario.officers.map((o) => <option key={o.id} value={o.id}>{officerLabel(o)}</option>)}
        </select>
      </span>
      {officer && (
        <a className="button" href={ics} aria-label={`iCalendar link for ${officerLabel(officer)}`}>
          iCalendar
        </a>
      )}
      {ics && (
        <button type="button" onClick={() => void navigator.clipboard?.writeText(ics)} aria-label="Copy the iCalendar link">
          Copy link
        </button>
      )}
      <button type="button" onClick={() => window.print()}>Print rota</button>
    </div>
  );
}
