import type { Rota } from '../domain/rota.js';
import type { Scenario } from '../domain/scenario.js';
import { resolvePolicy } from '../domain/policy.js';
import { solve } from '../solve/solve.js';
import type { OfficerProfile, WhatIfPoint, WhatIfResult } from '../solve/types.js';
import { withExtraOfficers } from './extra.js';
import { marginalValues } from './marginal.js';

export interface WhatIfOptions {
  extraOfficers: number;
  profile: OfficerProfile;
  /** Budget for the whole analysis (curve and marginal values). */
  timeLimitSeconds?: number;
}

/**
 * What N extra officers buy: for 0..N extra officers of a profile, harm covered, unmet harm and
 * overtime cost; and where one more officer buys the most.
 */
export async function whatIf(scenario: Scenario, options: WhatIfOptions): Promise<WhatIfResult> {
  const started = performance.now();
  const budget = options.timeLimitSeconds ?? 60;
  const curveBudget = budget * 0.7;
  const perSolve = Math.max(1, curveBudget / (options.extraOfficers + 1));
  const costWeight = resolvePolicy(scenario.policy).costWeightPerHour;
  const curve: WhatIfPoint[] = [];
  let previous: Rota | undefined;
  // Each point starts from the previous rota (the new officer idle), so a larger team never
  // reports less harm covered than a smaller one: the start is feasible and the engine improves it.
  for (let n = 0; n <= options.extraOfficers; n++) {
    const r = await solve(withExtraOfficers(scenario, n, options.profile), { timeLimitSeconds: perSolve, gapTolerance: 1e-3, startRota: previous });
    previous = r.rota;
    curve.push({
      extraOfficers: n,
      harmCovered: r.evaluation.harmCovered,
      unmetHarm: r.evaluation.harmTotal - r.evaluation.harmCovered,
      overtimeCost: costWeight > 0 ? -(r.evaluation.objectiveByRule.overtime ?? 0) / costWeight : 0,
      objective: r.objective,
      gap: r.gap,
    });
  }
  const left = budget - (performance.now() - started) / 1000;
  const { values } = await marginalValues(scenario, options.profile, Math.max(2, left));
  return { curve, marginal: values, seconds: (performance.now() - started) / 1000 };
}
