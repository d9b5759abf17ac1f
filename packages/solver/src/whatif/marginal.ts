import { highsEngine } from '../engines/highs.js';
import type { EngineSession } from '../engines/index.js';
import { evaluateWith } from '../evaluate/evaluate.js';
import { decodeRota } from '../solve/decode.js';
import type { LnsContext } from '../solve/lns.js';
import type { MarginalValue } from '../solve/types.js';
import { extraOfficerId } from './extra.js';
import type { KeptModel } from './kept.js';

/** Shift types confirmed by re-solving; duals only shortlist (measured: they overstate gains). */
const CONFIRM_TOP = 4;

/**
 * Marginal value of one more officer per shift type, with the hotspot that gains most. The LP
 * relaxation's reduced costs of the dormant first extra officer estimate each shift type's worth
 * (the officer's best `cap` shifts of that type); the top types are confirmed on the kept MIP by
 * placing the officer on that type only, warm from the base rota, everyone else fixed.
 */
export async function marginalValues(kept: KeptModel, session: EngineSession, lns: LnsContext, seconds: number): Promise<MarginalValue[]> {
  const { model } = kept;
  const { ctx } = model;
  const base = lns.getBest();
  if (!base) return [];
  const started = performance.now();
  const left = () => seconds - (performance.now() - started) / 1000;
  const officerId = extraOfficerId(1);
  const relaxed = await highsEngine.open(model.lp, { relax: true });
  const lp = relaxed.run({ timeLimitSeconds: Math.max(0.5, left() * 0.4), lpAlgorithm: 'ipm' });
  relaxed.dispose();
  const cap = Math.floor((ctx.dates.length * (7 - ctx.policy.restDaysPer7Days)) / 7);
  const estimates = ctx.scenario.shiftTypes.map((type) => {
    // A dormant column is fixed at 0; in this maximisation a positive reduced cost is the
    // objective gained per unit of raising it (checked against the confirming re-solves).
    const gains = kept.varsOf(officerId, type.id).map((v) => Math.max(0, lp.duals?.[v] ?? 0)).sort((a, b) => b - a);
    return { shiftTypeId: type.id, estimatedGain: gains.slice(0, cap).reduce((a, b) => a + b, 0) };
  });
  estimates.sort((a, b) => b.estimatedGain - a.estimatedGain);
  const before = evaluateWith(ctx, decodeRota(model, base.values)).coverage;
  const values: MarginalValue[] = [];
  for (const [k, estimate] of estimates.entries()) {
    if (k >= CONFIRM_TOP || left() <= 0.2 || lns.stop()) {
      values.push({ ...estimate, confirmedGain: null });
      continue;
    }
    kept.wake(session, officerId, estimate.shiftTypeId);
    const placed = kept.placeOnly(session, officerId, { ...lns, remaining: () => left() / (CONFIRM_TOP - k) });
    kept.sleep(session, officerId);
    if (!placed) {
      values.push({ ...estimate, confirmedGain: null });
      continue;
    }
    const after = evaluateWith(ctx, decodeRota(model, placed)).coverage;
    values.push({ ...estimate, hotspotId: topGain(before, after), confirmedGain: Math.max(0, model.lp.objectiveOf(placed) - base.objective) });
  }
  return values.sort((a, b) => (b.confirmedGain ?? -1) - (a.confirmedGain ?? -1) || b.estimatedGain - a.estimatedGain);
}

function topGain(before: { hotspotId: string; coveredHarm: number }[], after: { hotspotId: string; coveredHarm: number }[]): string | undefined {
  const gain = new Map<string, number>();
  for (const r of after) gain.set(r.hotspotId, (gain.get(r.hotspotId) ?? 0) + r.coveredHarm);
  for (const r of before) gain.set(r.hotspotId, (gain.get(r.hotspotId) ?? 0) - r.coveredHarm);
  const best = [...gain].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 1e-6 ? best[0] : undefined;
}
