import { buildContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import { highsEngine } from '../engines/highs.js';
import { evaluateWith } from '../evaluate/evaluate.js';
import { buildModel } from '../model/build.js';
import { searchModel } from '../solve/core.js';
import { decodeRota } from '../solve/decode.js';
import { improve } from '../solve/fixAndOptimise.js';
import { searchState } from '../solve/lns.js';
import type { OfficerProfile, WhatIfPoint, WhatIfResult } from '../solve/types.js';
import { extraOfficerId, withExtraOfficers } from './extra.js';
import { KeptModel } from './kept.js';
import { marginalValues } from './marginal.js';

export interface WhatIfOptions {
  extraOfficers: number;
  profile: OfficerProfile;
  /** Budget for the whole analysis (curve and marginal values). */
  timeLimitSeconds?: number;
  signal?: AbortSignal;
}

/**
 * What N extra officers buy, on one kept model: all N hypothetical officers are in the model,
 * dormant (fixed off) until their point of the curve. The base rota is searched once; each next
 * officer is woken, placed where it buys most with everyone else fixed, then the team is polished
 * by fix-and-optimise. Every point starts from the previous rota, so covered harm never falls
 * as officers are added. Marginal values per shift type are shortlisted by LP duals and confirmed
 * by re-solving.
 */
export async function whatIf(scenario: Scenario, options: WhatIfOptions): Promise<WhatIfResult> {
  const started = performance.now();
  // Keep time back for the last evaluation and process start so the whole run fits its limit.
  const budget = Math.max(1, (options.timeLimitSeconds ?? 60) - 2.5);
  const left = () => budget - (performance.now() - started) / 1000;
  const n = Math.max(0, Math.floor(options.extraOfficers));
  const ctx = buildContext(withExtraOfficers(scenario, Math.max(1, n), options.profile));
  const model = buildModel(ctx);
  const kept = new KeptModel(model, Math.max(1, n));
  const session = await highsEngine.open(model.lp);
  const { lns, setDeadline } = searchState(model, 1e-3, () => Boolean(options.signal?.aborted));
  const curve: WhatIfPoint[] = [];
  const point = (k: number) => {
    const best = lns.getBest();
    const rota = decodeRota(model, best?.values ?? new Float64Array(model.lp.names.length));
    const evaluation = evaluateWith(buildContext(withExtraOfficers(scenario, k, options.profile)), { ...rota, assignments: rota.assignments.filter((a) => !kept.isDormantOfficer(a.officerId)) });
    const overtime = evaluation.findings.filter((f) => f.ruleId === 'overtime').reduce((sum, f) => sum + f.amount, 0);
    curve.push({ extraOfficers: k, harmCovered: evaluation.harmCovered, unmetHarm: evaluation.harmTotal - evaluation.harmCovered, overtimeCost: overtime, objective: evaluation.objective, gap: null });
  };
  try {
    setDeadline(left() * (n > 0 ? 0.4 : 0.7));
    await searchModel(model, session, highsEngine, lns);
    point(0);
    setDeadline(Math.max(1, left() * (n > 0 ? 0.25 : 1)));
    const marginal = await marginalValues(kept, session, lns, Math.max(1, left() * (n > 0 ? 0.25 : 1)));
    for (let k = 1; k <= n; k++) {
      setDeadline(Math.max(0.5, left() / (n - k + 1)));
      kept.wake(session, extraOfficerId(k));
      lns.accept(kept.placeOnly(session, extraOfficerId(k), lns), `place ${extraOfficerId(k)}`);
      await improve(model, highsEngine, lns);
      point(k);
    }
    return { curve, marginal, seconds: (performance.now() - started) / 1000 };
  } finally {
    session.dispose();
  }
}
