import { buildContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import { highsEngine } from '../engines/highs.js';
import { evaluateWith } from '../evaluate/evaluate.js';
import { buildModel } from '../model/build.js';
import { decodeRota } from '../solve/decode.js';
import type { MarginalValue, OfficerProfile } from '../solve/types.js';
import { extraOfficerId, withExtraOfficers } from './extra.js';

/** Candidates confirmed by re-solving (duals only shortlist: they overstate gains). */
const CONFIRM_TOP = 4;

/**
 * Marginal value of one more officer per shift type and hotspot. The LP relaxation's reduced
 * costs of a dormant extra officer shortlist shift types; each shortlisted type is confirmed
 * by re-solving the kept MIP, warm-started from the base rota, with the extra officer allowed on
 * that type only. The hotspot is where the confirmed solve puts the extra patrol hours.
 */
export async function marginalValues(scenario: Scenario, profile: OfficerProfile, timeLimitSeconds: number): Promise<{ values: MarginalValue[]; baseObjective: number }> {
  const started = performance.now();
  const left = () => timeLimitSeconds - (performance.now() - started) / 1000;
  const ctx = buildContext(withExtraOfficers(scenario, 1, profile));
  const model = buildModel(ctx);
  const extra = extraOfficerId(1);
  const extraVars = model.assignEntries().filter((e) => e.officerId === extra);
  const original = extraVars.map((e) => [model.lp.lower[e.variable], model.lp.upper[e.variable]]);
  for (const e of extraVars) model.lp.upper[e.variable] = 0;

  const relaxed = await highsEngine.open(model.lp, { relax: true });
  const lp = relaxed.run({ timeLimitSeconds: Math.max(1, left() * 0.2) });
  relaxed.dispose();
  const reducedCost = lp.duals ?? new Float64Array(model.lp.names.length);
  const estimate = new Map<string, number>();
  for (const e of extraVars) {
    const type = ctx.shiftById.get(e.shiftId)!.shiftTypeId;
    estimate.set(type, (estimate.get(type) ?? 0) + Math.max(0, reducedCost[e.variable]));
  }
  const shortlist = [...estimate].sort((a, b) => b[1] - a[1]);

  const session = await highsEngine.open(model.lp);
  try {
    const base = session.run({ timeLimitSeconds: Math.max(1, left() * 0.3), gapTolerance: 1e-3 });
    if (!base.values) return { values: shortlist.map(([shiftTypeId, est]) => ({ shiftTypeId, estimatedGain: est, confirmedGain: null })), baseObjective: 0 };
    const baseCoverage = evaluateWith(ctx, decodeRota(model, base.values)).coverage;
    const values: MarginalValue[] = [];
    for (const [k, [shiftTypeId, est]] of shortlist.entries()) {
      if (k >= CONFIRM_TOP || left() < 1) {
        values.push({ shiftTypeId, estimatedGain: est, confirmedGain: null });
        continue;
      }
      const free = extraVars.map((e, i) => (ctx.shiftById.get(e.shiftId)!.shiftTypeId === shiftTypeId ? original[i] : [0, 0]));
      session.setBounds(extraVars.map((e) => e.variable), free.map((b) => b[0]), free.map((b) => b[1]));
      const run = session.run({ timeLimitSeconds: Math.max(0.5, left() / (CONFIRM_TOP - k)), start: base.values, gapTolerance: 1e-3 });
      const gain = run.values ? Math.max(0, model.lp.objectiveOf(run.values) - model.lp.objectiveOf(base.values)) : null;
      const hotspotId = run.values ? topHotspot(baseCoverage, evaluateWith(ctx, decodeRota(model, run.values)).coverage) : undefined;
      values.push({ shiftTypeId, hotspotId, estimatedGain: est, confirmedGain: gain });
    }
    values.sort((a, b) => (b.confirmedGain ?? -1) - (a.confirmedGain ?? -1) || b.estimatedGain - a.estimatedGain);
    return { values, baseObjective: model.lp.objectiveOf(base.values) };
  } finally {
    session.dispose();
  }
}

function topHotspot(before: { hotspotId: string; coveredHarm: number }[], after: { hotspotId: string; coveredHarm: number }[]): string | undefined {
  const gain = new Map<string, number>();
  for (const r of after) gain.set(r.hotspotId, (gain.get(r.hotspotId) ?? 0) + r.coveredHarm);
  for (const r of before) gain.set(r.hotspotId, (gain.get(r.hotspotId) ?? 0) - r.coveredHarm);
  const best = [...gain].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 1e-6 ? best[0] : undefined;
}
