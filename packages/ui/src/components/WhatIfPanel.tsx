import { useState, type FormEvent } from 'react';
import { api, ApiError, whatIfFromJob } from '../api.js';
import type { Problem, Rank, Scenario, SolveJob, WhatIfResult, WhatIfRun } from '../types.js';
import { RANK_LIST } from '../types.js';
import { IssuesProvider } from '../issues.js';
import { useJob } from '../useJob.js';
import { Field, SelectField, splitList, toNumber } from './Field.js';
import { IssueSummary } from './IssueSummary.js';
import { SolveProgressBar } from './SolveProgressBar.js';
import { WhatIfResultView } from './WhatIfResultView.js';
import { ScenarioCompare } from './ScenarioCompare.js';

export interface WhatIfPanelProps {
  scenarioId: string;
  scenario: Scenario;
  runs: WhatIfRun[];
  onRun: (run: WhatIfRun) => void;
}

/** What-if: +N officers of a profile → harm covered and overtime cost against officers, and where one more buys most. */
export function WhatIfPanel({ scenarioId, scenario, runs, onRun }: WhatIfPanelProps) {
  const [count, setCount] = useState(3);
  const [rank, setRank] = useState<Rank>('PC');
  const [skills, setSkills] = useState('');
  const [hours, setHours] = useState(40);
  const [limit, setLimit] = useState(20);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [pair, setPair] = useState<[string, string]>(['', '']);
  const profile = { rank, skills: splitList(skills).filter(Boolean), contractMinutesPerWeek: Math.round(hours * 60) };
  const label = `+${count} ${rank}${profile.skills.length ? ` (${profile.skills.join(', ')})` : ''}, ${hours} h/week`;
  const unit = scenario.forecast?.unit ?? 'harm';

  const add = (result: WhatIfResult) => {
    const run: WhatIfRun = {
      id: `${Date.now()}-${runs.length}`, label, scenarioId, scenarioName: scenario.name,
      scenario: { shiftTypes: scenario.shiftTypes, hotspots: scenario.hotspots }, unit, extraOfficers: count, profile, result,
    };
    onRun(run);
    setShown(run.id);
  };
  const job = useJob((j: SolveJob) => {
    const result = whatIfFromJob(j);
    if (result) add(result);
    else setProblem({ title: `The what-if ${j.status}`, status: 0, detail: j.error ?? 'No curve was returned.' });
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      const res = await api.whatIf(scenarioId, { extraOfficers: count, profile, timeLimitSeconds: limit });
      if (res.result) add(res.result);
      else if (res.job) job.follow(res.job);
    } catch (err) {
      setProblem(err instanceof ApiError ? err.problem : { title: 'What-if failed', status: 0, detail: String(err) });
    }
  };

  const current = runs.find((r) => r.id === shown) ?? runs[runs.length - 1];
  const a = runs.find((r) => r.id === pair[0]);
  const b = runs.find((r) => r.id === pair[1]);

  return (
    <section className="whatif" aria-labelledby="whatif-title">
      <h2 id="whatif-title">What would extra officers buy?</h2>
      <IssuesProvider problem={problem}>
        <form className="whatif-form" onSubmit={submit} noValidate>
          <Field path="extraOfficers" label="Extra officers" type="number" min={1} max={50} value={count} onValue={(v) => setCount(toNumber(v))} size={3} />
          <SelectField path="profile.rank" label="Rank" value={rank} options={RANK_LIST} onValue={(v) => setRank(v as Rank)} />
          <Field path="profile.skills" label="Skills (comma-separated)" value={skills} onValue={setSkills} placeholder="driver, taser" />
          <Field path="profile.contractMinutesPerWeek" label="Contract hours/week" type="number" step="0.5" value={hours} onValue={(v) => setHours(toNumber(v))} size={4} />
          <Field path="timeLimitSeconds" label="Time limit (s)" type="number" min={1} value={limit} onValue={(v) => setLimit(toNumber(v))} size={4} />
          <button type="submit" className="primary" disabled={job.running}>Run what-if</button>
        </form>
        <IssueSummary problem={problem} scenario={scenario} />
      </IssuesProvider>
      {job.running && job.job && <SolveProgressBar job={job.job} label="What-if" onCancel={() => void job.cancel()} />}
      {job.error && <p className="field-error" role="alert">{job.error}</p>}
      {runs.length > 0 && (
        <div className="runs">
          <span className="inline-field">
            <label htmlFor="run-shown">Show run</label>
            <select id="run-shown" value={current?.id ?? ''} onChange={(e) => setShown(e.target.value)}>
              {runs.map((r) => <option key={r.id} value={r.id}>{r.label} — {r.scenarioName}</option>)}
            </select>
          </span>
          {runs.length > 1 && (
            <>
              {(['A', 'B'] as const).map((side, k) => (
                <span key={side} className="inline-field">
                  <label htmlFor={`compare-${side}`}>Compare {side}</label>
                  <select id={`compare-${side}`} value={pair[k]} onChange={(e) => setPair((p) => (k === 0 ? [e.target.value, p[1]] : [p[0], e.target.value]))}>
                    <option value="">—</option>
                    {runs.map((r) => <option key={r.id} value={r.id}>{r.label} — {r.scenarioName}</option>)}
                  </select>
                </span>
              ))}
            </>
          )}
        </div>
      )}
      {a && b && <ScenarioCompare a={a} b={b} />}
      {current && <WhatIfResultView run={current} />}
    </section>
  );
}
