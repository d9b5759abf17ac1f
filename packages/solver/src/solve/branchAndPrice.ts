import type { RotaModel } from '../model/rotaModel.js';
import { generateColumns, type GenerationHooks } from './colgen.js';
import { ensureRoster, officerDays, type OfficerDay } from './assignmentDive.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import { assignmentWeights, roundedChoice } from './masterChoice.js';
import type { Pricer } from './pricer.js';
import { extendFixings, type AssignmentFixings, type BlockFixings } from './pricing.js';
import { lagrangianFixing } from './lagrangianFixing.js';
import { coverBranch, wholeMasterColumns, type MasterBounds } from './coverBranching.js';
import { workDayBranch, workDayCandidates } from './workDayBranching.js';

/**
 * How a tree search ended.
 * - `exhausted`: every node was solved or pruned by its bound: no rota beats the incumbent (the
 *   incumbent is optimal, up to the objective step used in pruning).
 * - `timeLimit`: time ran out with nodes left open.
 * - `incomplete`: every node was visited, but some node's master LP failed (an engine error), so
 *   the search proves nothing.
 * - `reached`: with a target, a rota reaching it was found (the search stops there).
 */
export type TreeOutcome = 'exhausted' | 'timeLimit' | 'incomplete' | 'reached';

/** Most generation rounds a node gets before it is branched on without a proved bound. */
const NODE_ROUNDS = 40;

/** An assignment counts as decided by the master LP within this of 0 or 1. */
const DECIDED = 1e-6;

/** Most of the tree's time left one Lagrangian fixing may take (about 4 s on Instance5–7). */
const FIXING_SHARE = 0.4;
/**
 * A node fixes by its bound again once its bound lies this share of a step nearer the cutoff
 * than where its path last fixed: on Instance6 the root (2 steps above) fixes about 300
 * assignments, a node 1 step above 850–930.
 */
const REFIX_STEPS = 0.5;

/**
 * One open node: the assignments fixed on the way down from the root, and how far above the
 * cutoff its path's bound stood when it last fixed by the bound (see lagrangianFixing).
 */
interface TreeNode {
  fixings: Map<number, BlockFixings>;
  fixedAtGap: number;
  /** Cover shortfalls and excesses bounded on the way down (see coverBranch). */
  bounds: MasterBounds;
}

/**
 * The least amount by which a rota can beat another: 1 when every cost in the model is a whole
 * number (so are all rotas' objectives, and a node whose bound is less than the incumbent + 1
 * holds nothing better), else a hair.
 */
export function objectiveStep(model: RotaModel): number {
  return model.lp.cost.every((c) => Number.isInteger(c)) && Number.isInteger(model.lp.offset) ? 1 : 1e-6;
}

/** Hooks of the tree search. */
export interface TreeHooks extends Pick<GenerationHooks, 'betweenRounds'> {
  /** Rosters, one per officer, that an integral node chose (mended and accepted by the caller). */
  settle: (choice: number[], source: string) => Promise<unknown>;
  /**
   * Search only for rotas whose objective reaches this (maximising), far above the incumbent as
   * it may be: nodes are pruned and assignments fixed as if the incumbent were a step below it,
   * so `exhausted` then says no rota reaches the target.
   */
  target?: number;
}

/**
 * Branch-and-price, depth first: each node re-generates columns under its fixings until the
 * master LP converges (or its Lagrangian bound shows the node cannot beat the incumbent by a
 * whole objective step, and it is pruned). A fractional node branches first on whether an
 * officer works a day (capped officers' weekend days, then the rest: see workDayBranch), then on
 * a cover (see coverBranch), then on the assignment the LP is surest of without having settled
 * it, the LP's side first. The
 * decomposition's LP is within a point or two of the optimum on the small Curtois instances
 * (Instance6: 1949 against 1950), so the tree below the incumbent is narrow where a dive that
 * never looks back lands a few points above it.
 */
export async function branchAndPrice(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, seconds: number, hooks: TreeHooks): Promise<{ outcome: TreeOutcome; nodes: number; pruned: number }> {
  const started = performance.now();
  const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
  const step = objectiveStep(model);
  const days = officerDays(model, pool);
  const workDays = workDayCandidates(model, days);
  const root = (): TreeNode => ({ fixings: new Map(), fixedAtGap: Infinity, bounds: new Map() });
  const covers = wholeMasterColumns(model.lp, pool.split);
  const stack: TreeNode[] = [root()];
  // The cutoff the tree's fixings were made for: a better rota raises it, and fixes more.
  let fixedFor = -Infinity;
  let nodes = 0;
  let pruned = 0;
  let lost = 0;
  // A node is worth solving only if its bound reaches a whole step above the incumbent.
  const target = hooks.target ?? -Infinity;
  const cutoff = () => Math.max((lns.getBest()?.objective ?? -Infinity) + step, target) - 1e-6;
  while (stack.length > 0) {
    if (left() <= 0.3 || lns.stop()) return finish('timeLimit');
    if (hooks.target !== undefined && (lns.getBest()?.objective ?? -Infinity) >= target - 1e-6) return finish('reached');
    // A better rota (found here or posted by the main search) raises the cutoff: start again
    // from the root, where the bound now fixes more.
    if (cutoff() > fixedFor + step / 2 && fixedFor > -Infinity) {
      stack.splice(0, stack.length, root());
      fixedFor = -Infinity;
    }
    const node = stack.pop()!;
    nodes++;
    const round = await generateColumns(model, lns, pool, pricer, left(), { betweenRounds: hooks.betweenRounds, fixings: node.fixings, masterBounds: node.bounds, maxRounds: NODE_ROUNDS, cutoff: cutoff(), exact: true });
    if (!round.lpValues || round.masterValue === null) {
      // No master LP is no proof: the node stays open (time ran out) or is lost (engine failure).
      if (left() <= 0.3 || lns.stop()) {
        stack.push(node);
        return finish('timeLimit');
      }
      lost++;
      continue;
    }
    if (round.nodeBound !== null && round.nodeBound < cutoff()) {
      pruned++;
      continue;
    }
    const weights = assignmentWeights(pool, round.lpValues);
    const open = unsettled(days, weights, node.fixings);
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`node ${nodes}, ${[...node.fixings.values()].reduce((n, f) => n + f.size, 0)} fixed, ${node.bounds.size} covers: master ${round.masterValue.toFixed(2)}, bound ${round.nodeBound?.toFixed(2) ?? '-'}, ${round.rounds} rounds, ${open.length} open, cutoff ${cutoff().toFixed(0)}`);
    if (open.length === 0) {
      // Every assignment is whole: the LP's rosters are a rota (the master's own columns mended by the caller).
      await hooks.settle(roundedChoice(pool, round.lpValues), `branch-and-price node ${nodes}`);
      continue;
    }
    const gapNow = (round.nodeBound ?? round.masterValue) - cutoff();
    if (gapNow <= node.fixedAtGap - REFIX_STEPS * step) {
      const fixingStarted = performance.now();
      const fixing = lagrangianFixing(model, pool, pricer, round.prices!, round.masterValue, node.fixings, cutoff(), fixingStarted + left() * FIXING_SHARE * 1000, days);
      if (process.env.PATROLPLAN_TRACE) lns.log.push(`node ${nodes} fixing: ${fixing ? `${fixing.fixed} more assignments fixed (${fixing.labelings} labelings), bound ${fixing.gap.toFixed(2)} above the cutoff` : 'none'} in ${((performance.now() - fixingStarted) / 1000).toFixed(1)} s`);
      if (fixing && fixing.gap < 0) {
        pruned++;
        continue;
      }
      if (fixing) {
        // Every rota that reaches the cutoff keeps these fixings: the tree goes on below them alone.
        fixedFor = Math.max(fixedFor, cutoff());
        if (fixing.fixed > 0) {
          stack.push({ ...node, fixings: fixing.fixings, fixedAtGap: fixing.gap });
          continue;
        }
        node.fixedAtGap = fixing.gap;
      }
    }
    // Which weekend days each officer works first (see workDayCandidates), then covers, then single assignments.
    const workDay = workDayBranch(workDays, weights, node.fixings);
    if (workDay) {
      for (const fixes of workDay.children) {
        if (!ensureRoster(model, pool, pricer, workDay.block, round.prices!, fixes)) {
          pruned++;
          continue;
        }
        stack.push({ ...node, fixings: new Map(node.fixings).set(workDay.block, fixes) });
      }
      continue;
    }
    const cover = coverBranch(model.lp, pool.split, covers, round.lpValues, node.bounds);
    if (cover) {
      for (const side of [cover.sides[1], cover.sides[0]]) stack.push({ ...node, bounds: new Map(node.bounds).set(cover.column, side) });
      continue;
    }
    // The assignment the LP is surest of: its side is pushed last, so it is solved next.
    const [surest] = open;
    for (const value of [1 - surest.value, surest.value] as (0 | 1)[]) {
      const fixes = extendFixings(node.fixings.get(surest.block), [[surest.column, value]]);
      // Without a roster that keeps the fixings the officer has no roster at all: nothing below.
      if (!ensureRoster(model, pool, pricer, surest.block, round.prices!, fixes)) {
        pruned++;
        continue;
      }
      stack.push({ ...node, fixings: new Map(node.fixings).set(surest.block, fixes) });
    }
  }
  return finish(lost > 0 ? 'incomplete' : 'exhausted');

  function finish(outcome: TreeOutcome) {
    lns.log.push(`branch-and-price: ${outcome}, ${nodes} nodes (${pruned} pruned, ${lost} lost), ${stack.length} open, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { outcome, nodes, pruned };
  }
}

/**
 * The assignments the LP has not settled (weight strictly between 0 and 1), surest first, each
 * with the value the LP leans to.
 */
function unsettled(days: OfficerDay[], weights: Float64Array[], fixings: AssignmentFixings): { block: number; column: number; value: 0 | 1; sureness: number }[] {
  const found: { block: number; column: number; value: 0 | 1; sureness: number }[] = [];
  for (const day of days) {
    const fixes = fixings.get(day.block);
    for (const i of day.cols) {
      if (fixes?.has(i)) continue;
      const w = weights[day.block][i];
      if (w <= DECIDED || w >= 1 - DECIDED) continue;
      found.push({ block: day.block, column: i, value: w >= 0.5 ? 1 : 0, sureness: Math.max(w, 1 - w) });
    }
  }
  return found.sort((a, b) => b.sureness - a.sureness);
}
