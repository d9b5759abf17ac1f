import type { Engine, EngineSession } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { RosterLabeling, columnStages } from './labeling.js';
import type { Decomposition, OfficerBlock } from './decompose.js';
import type { PatternPool } from './master.js';
import { MasterLp } from './masterLp.js';

/** Labels per day when seeding by labeling: a narrow beam on year-long blocks, a wider one on others (a seed need not be the best roster). */
const SEED_LABELS = { huge: [8, 64], small: 300 };

/** Pricing time per officer per round: short while the duals are still rough, longer to prove. */
export const PRICING_SECONDS = { first: 0.25, max: 2 };

/**
 * One engine session per officer block, opened on first use (a year-long model's blocks do not
 * all fit in the engine's memory at once, and most are never priced there), re-costed per round.
 */
export class Pricer {
  private readonly sessions = new Map<number, EngineSession>();
  /** Current per-officer pricing time limit (kept across calls). */
  pricingSeconds = PRICING_SECONDS.first;
  /** Where quick rounds' rotation over the officers goes on (see generateColumns). */
  cursor = 0;
  /** Each officer's last pricing costs and proved ceiling, to skip solves that cannot pay. */
  last: ({ costs: number[]; ceiling: number } | null)[] = [];

  private readonly labelings = new Map<number, RosterLabeling | null>();
  private dayOfColumn: Map<number, number> | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly split: Decomposition,
  ) {}

  /**
   * The block's exact roster labeling, built on first use; null when its columns do not suit
   * labels. `cache` false builds a throwaway one (year-long seeding: 150 plans do not fit).
   */
  labeling(model: RotaModel, block: number, cache = true): RosterLabeling | null {
    if (this.labelings.has(block)) return this.labelings.get(block)!;
    this.dayOfColumn ??= new Map(model.assignEntries().map((e) => [e.variable, model.ctx.shiftById.get(e.shiftId)!.dayIndex]));
    const { lp, cols } = this.split.blocks[block];
    const labeling = RosterLabeling.build(lp, columnStages(lp, cols.map((c) => this.dayOfColumn!.get(c))));
    if (cache) this.labelings.set(block, labeling);
    return labeling;
  }

  /**
   * One officer's best roster under their own objective and rules, by labeling: exact on small
   * blocks, a beam on year-long ones (milliseconds against the MIP's second). Null when the block
   * does not suit labels or the beam found nothing, and the MIP seeds instead.
   */
  seedByLabels(model: RotaModel, block: number, huge: boolean): Float64Array | null {
    const labeling = this.labeling(model, block, !huge);
    const lp = this.split.blocks[block].lp;
    // A narrow beam can walk into a dead end (a run that must go on into a day off): widen once.
    for (const labelLimit of huge ? SEED_LABELS.huge : [SEED_LABELS.small]) {
      const values = labeling?.solve(lp.cost, { cutoff: -Infinity, labelLimit, pace: true }).rosters[0]?.values;
      if (values && holds(this.split.blocks[block], values)) return values;
    }
    return null;
  }

  /** The restricted master LP over `pool`, kept loaded across rounds (one pool per pricer). */
  master(pool: PatternPool): MasterLp {
    return (this.masterLp ??= new MasterLp(this.engine, pool));
  }

  private masterLp: MasterLp | null = null;

  async session(block: number): Promise<EngineSession> {
    let s = this.sessions.get(block);
    if (!s) this.sessions.set(block, (s = await this.engine.open(this.split.blocks[block].lp)));
    return s;
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.masterLp?.dispose();
    this.masterLp = null;
  }
}

/**
 * One officer's roster under their own rules alone, for seeding. `feasibleFirst` (year-long
 * models): no objective and the hard rules' elastic slack shut, so the engine stops at the first
 * roster that keeps every rule; falls back to the costed block if that fails. Otherwise the
 * officer's own objective (requests, preferences). Null when the engine found nothing in time.
 */
export async function seedRoster(session: EngineSession, block: OfficerBlock, seconds: number, feasibleFirst: boolean, stop: () => boolean): Promise<Float64Array | null> {
  const { lp } = block;
  const all = lp.names.map((_, i) => i);
  const slack = all.filter((i) => /^(short|excess):/.test(lp.names[i]));
  const started = performance.now();
  if (feasibleFirst) {
    session.setCosts!(all, all.map(() => 0));
    session.setBounds(slack, slack.map(() => 0), slack.map(() => 0));
    const run = session.run({ timeLimitSeconds: seconds / 2, gapTolerance: 1, shouldStop: stop });
    session.setBounds(slack, slack.map((i) => lp.lower[i]), slack.map((i) => lp.upper[i]));
    session.setCosts!(all, lp.cost);
    if (run.values && holds(block, run.values)) return run.values;
  }
  const left = seconds - (performance.now() - started) / 1000;
  if (left <= 0.05) return null;
  session.setCosts!(all, lp.cost);
  const run = session.run({ timeLimitSeconds: left, gapTolerance: 1e-3, shouldStop: stop });
  return run.values && holds(block, run.values) ? run.values : null;
}

/** Never trust an engine: a roster counts only if the officer's own rows hold for it. */
export function holds(block: OfficerBlock, values: ArrayLike<number>): boolean {
  const check = block.lp.check(values, 1e-6);
  return check.maxViolation <= 1e-6 && check.integral;
}

