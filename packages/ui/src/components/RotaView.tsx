import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../types.js';
import { assignmentsByCell, cellKey, horizonDates, highlightOf } from '../model.js';
import type { useSession } from '../useSession.js';
import { RotaGrid } from './RotaGrid.js';
import { HotspotGrid } from './HotspotGrid.js';
import { CoverageHeatmap } from './CoverageHeatmap.js';
import { FindingsPanel } from './FindingsPanel.js';
import { CellMenu } from './CellMenu.js';
import { AbstractionForm } from './AbstractionForm.js';
import { SolveProgressBar } from './SolveProgressBar.js';
import { DiffSummary } from './DiffSummary.js';
import { ExportBar } from './ExportBar.js';
import { Legend } from './Legend.js';
import { RotaStats } from './RotaStats.js';

type Session = ReturnType<typeof useSession>;

/** The sergeant's view: rota grid (by officer or by hotspot), coverage and findings beside it. */
export function RotaView({ session }: { session: Session }) {
  const { record, rota, job, actions, busy } = session;
  const [mode, setMode] = useState<'officers' | 'hotspots'>('officers');
  const [selected, setSelected] = useState<Finding | null>(null);
  const [menu, setMenu] = useState<{ officerId: string; date: string; el: HTMLElement } | null>(null);
  const [absFor, setAbsFor] = useState<{ officerId: string; date: string } | null>(null);
  const [limit, setLimit] = useState(30);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => setSelected(null), [rota?.id]);
  if (!record) return <p className="empty">Choose a scenario or import one to start.</p>;

  const scenario = record.scenario;
  const dates = horizonDates(scenario);
  const pins = scenario.pins ?? [];
  const unit = scenario.forecast?.unit ?? 'harm';
  const coverage = rota?.evaluation.coverage ?? [];
  const highlight = highlightOf(selected);
  const assigned = menu ? (assignmentsByCell(rota?.rota ?? null).get(cellKey(menu.officerId, menu.date)) ?? []).map((s) => s.shiftId) : [];
  const closeMenu = () => {
    setMenu(null);
    returnFocus.current?.focus();
  };

  return (
    <div className="rota-view">
      <div className="toolbar" role="group" aria-label="Solve">
        <label>
          Time limit (s)
          <input type="number" min={1} max={600} value={limit} onChange={(e) => setLimit(Number(e.target.value) || 30)} size={4} />
        </label>
        <button type="button" className="primary" disabled={busy || job.running} onClick={() => void actions.solve(limit)}>
          {rota ? 'Solve afresh' : 'Solve'}
        </button>
        <button type="button" disabled={!rota || busy || job.running} onClick={() => void actions.resolve(limit)}>
          Re-solve with minimal changes
        </button>
        <button type="button" onClick={() => setAbsFor({ officerId: scenario.officers[0]?.id ?? '', date: dates[0] ?? scenario.startDate })}>
          Mark sick or on leave…
        </button>
      </div>
      {job.running && job.job && <SolveProgressBar job={job.job} onCancel={() => void job.cancel()} />}
      {job.error && <p className="field-error" role="alert">{job.error}</p>}
      {rota && <ExportBar rota={rota} scenario={scenario} busy={busy} onPublish={() => void actions.publish()} />}
      {absFor && (
        <AbstractionForm
          officers={scenario.officers}
          officerId={absFor.officerId}
          date={absFor.date}
          minDate={dates[0] ?? scenario.startDate}
          maxDate={dates[dates.length - 1] ?? scenario.startDate}
          problem={session.problem}
          busy={busy}
          onCancel={() => setAbsFor(null)}
          onSubmit={async (officerId, a) => {
            if (await actions.addAbstraction(officerId, a)) setAbsFor(null);
          }}
        />
      )}
      <div className="rota-layout">
        <div className="rota-main">
          {rota ? <RotaStats rota={rota} unit={unit} /> : <p className="empty">No rota yet: press Solve.</p>}
          <DiffSummary diff={rota?.diff} scenario={scenario} />
          <fieldset className="view-switch">
            <legend>Show the rota</legend>
            <label><input type="radio" name="rota-mode" checked={mode === 'officers'} onChange={() => setMode('officers')} /> by officer</label>
            <label><input type="radio" name="rota-mode" checked={mode === 'hotspots'} onChange={() => setMode('hotspots')} /> by hotspot</label>
          </fieldset>
          {mode === 'officers' ? (
            <RotaGrid
              scenario={scenario}
              rota={rota?.rota ?? null}
              pins={pins}
              diff={rota?.diff}
              highlight={highlight}
              onCell={(officerId, date, el) => {
                returnFocus.current = el;
                setMenu({ officerId, date, el });
              }}
            />
          ) : (
            <HotspotGrid scenario={scenario} rota={rota?.rota ?? null} coverage={coverage} highlight={highlight} />
          )}
          <Legend shiftTypes={scenario.shiftTypes} />
          {rota && <CoverageHeatmap scenario={scenario} coverage={coverage} highlight={highlight} />}
        </div>
        <aside className="rota-aside">
          {rota ? <FindingsPanel findings={rota.evaluation.findings} selected={selected} onSelect={setSelected} /> : null}
        </aside>
      </div>
      {menu && (
        <CellMenu
          scenario={scenario}
          officerId={menu.officerId}
          date={menu.date}
          anchor={menu.el.getBoundingClientRect()}
          pins={pins}
          assigned={assigned}
          canPin={!!rota}
          onPin={(shiftId, kind) => void actions.pin(menu.officerId, shiftId, kind)}
          onUnpin={(shiftId) => void actions.unpin(menu.officerId, shiftId)}
          onAbstraction={() => {
            returnFocus.current = null;
            setAbsFor({ officerId: menu.officerId, date: menu.date });
          }}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
