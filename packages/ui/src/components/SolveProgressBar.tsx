import type { SolveJob } from '../types.js';
import { fmt, pct } from '../model.js';

/** A running solve: share of the time limit used, best-so-far objective and gap, and Cancel. */
export function SolveProgressBar({ job, label = 'Solve', onCancel }: { job: SolveJob; label?: string; onCancel: () => void }) {
  const p = job.progress;
  const fraction = Math.max(0, Math.min(1, p?.fraction ?? 0));
  const text = job.status === 'queued'
    ? `${label} queued…`
    : `${label}: ${p?.phase ?? 'running'} · ${fmt(p?.seconds ?? 0, 0)} s · best so far ${p?.objective == null ? '–' : fmt(p.objective, 1)} · bound ${p?.bound == null ? '–' : fmt(p.bound, 1)} · gap ${pct(p?.gap ?? null)}`;
  return (
    <div className="solve-progress" data-testid="solve-progress">
      <div
        className="bar"
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={text}
      >
        <div className="fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="text" aria-live="polite">{text}</span>
      <button type="button" onClick={onCancel}>Cancel</button>
    </div>
  );
}
