import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { BestResponse } from './bestResponse.js';
import { generateColumns } from './colgen.js';
import { roundedChoice, solveIntegerMaster } from './masterChoice.js';
import { MasterGuide } from './masterGuide.js';
import { decompose, type Decomposition } from './decompose.js';
import { searchByLevels, treeInReach } from './objectiveLevels.js';
import { decidesWorkDays } from './workDayBranching.js';
import { skeletonLanding } from './workDaySkeleton.js';
import { diveByAssignments } from './assignmentDive.js';
import { neighbourhoodDives } from './dive.js';
import { solveUnderFixings } from './fixingsMip.js';
import type { AssignmentFixings } from './pricing.js';
import { FixAndOptimise, improve } from './fixAndOptimise.js';
import { relGap, type LnsContext } from './lns.js';
import { PatternPool } from './master.js';
import { LandingRepair } from './landingRepair.js';
import { descendBands } from './bandDescent.js';
import { weekendBands } from './weekendBand.js';
import { Pricer, seedRoster } from './pricer.js';

/**
 * Above this many assignment binaries (and below year-long sizes) the partner is not started.
 * With quick pricing, dives and best responses it pays on every Curtois instance up to 60 × 28 ×
 * 10 (16,800): measured at 60 s, Instance10 5311 → 4658, Instance11 4067 → 3447, Instance12
 * 6524 → 5766 (before quick pricing the partner made Instance9–11 3–19 % worse).
 */
export const PARTNER_MAX_BINARIES = 20_000;

/**
 * Column generation tails off: the last rounds move the master by hundredths. Within this share
 * of the bound a dive gains more than those rounds would.
 */
const NEAR_CONVERGENCE = 0.003;

/**
 * Most of the time left that branch-and-price may take to find a better rota or prove there is
 * none (then the neighbourhood dives, fix-and-optimise). Level by level, Instance5's third level
 * (its optimum) needed 7–15 s after the two above it were exhausted: at 0.7 it ran out in 2 of 4
 * runs (1144, 1148, with the neighbourhood dives after it finding nothing); at 0.9 Instance5 gave
 * 1143 in 3 of 3, Instance6 1950 in 2 of 2, and Instances 10 and 11 were still proved.
 */
const TREE_SHARE = 0.9;

/**
 * Share of the time left the tree gets right after convergence when the incumbent is too far
 * above the bound for `treeInReach` but the tree decides work days first (see
 * workDayCandidates). On Instance7 its walk exhausts level 1055 and reaches 1056 in 10–15 s
 * from any incumbent; waiting for the neighbourhood dives to bring the incumbent within reach
 * left it 1058 in one of three runs (1056 proved in 43.7 and 49.4 s in the others), and half
 * the time left (15.6 s, of which level 1055 got 7.8 s and ran out one node short) gave 1058 and
 * 1065 in two of seven.
 */
const EARLY_TREE_SHARE = 0.8;

/** Most of the time left after the first dive that generation may take to converge. */
const CONVERGENCE_SHARE = 0.3;

/**
 * The first dive's landing counts as level with the master LP when within this share of it.
 * The master is then no guide to anything better (on Curtois 10 the dive landed at 4636–4648
 * over a master at 4639–4652, the optimum 4631): generation goes on, for up to
 * `LANDED_CONVERGENCE_SHARE` of the time left, before the neighbourhood dives. Converged, the
 * master guides fix-and-optimise to the optimum: Curtois 10 reached 4631 in 7 of 10 runs at 60 s
 * (proved in 6, in 49–58 s), never in about 25 runs before, where the dives took the time and
 * the master never converged. Only in generation's tail: Instance12's quick rounds still find
 * rosters there, and more generation took its neighbourhood dives' time (4199, 4282).
 */
const LANDED_WITHIN = 0.001;
const LANDED_CONVERGENCE_SHARE = 0.8;

/**
 * Share of the partner's time column generation may take before the dive, converged or not.
 * Measured on Curtois 8–12: the master LP tails off over the last rounds, while a dive and best
 * responses from it already beat the main search's rota. With primal simplex in the master,
 * Instance12's master is near 4080 after a third of the minute and hardly moves after: at 0.5
 * (ten runs) 4072–4706, two within 2 %; at 0.38 and 0.4, 4072, 4072 and 4440 (generation slower
 * that time: 4199 when the dive began), with the dive deciding 8 % a step instead of 10–19 %.
 * Instance8's master gets a little less far (1317–1323 against 1313–1317 when the dive began):
 * 1310–1322 in four of five runs at 0.5, 1320 in two of five at 0.4 (the others 1327–1518).
 */
const GENERATION_SHARE = 0.4;

/**
 * Most seconds the engine gets to complete a dive's fixings on the compact model. Measured at
 * 60 s in the eleventh session (pricing 4x faster than before): with 4 instead of 2, Instance8
 * 1330, 1317, 1319 (1316–1326 in three of five runs with 2, else 1404–1505), Instance7 1059,
 * 1058 (1060–1063 with 2), Instance12 4083, 4117, 4173 (4066–4280).
 */
const FIXINGS_MIP_SECONDS = 4;

/**
 * Most seconds the first dive's closing integer master gets where a band descent follows it
 * (the dive's own limit is 3 s). On Instance8 it ran out its 3 s at the incumbent in 31 of 34
 * traced runs (27th and 28th sessions) and closed in 0.1–0.6 s in the other 3. The descent needs
 * every second it can get (good runs reach 1305–1310 at 52–56 s): it starts 2 s sooner.
 */
const DESCENT_SNAPSHOT_SECONDS = 1;

/** Seed of the partner's fix-and-optimise draws (the main search's is another). */
const PARTNER_SEED = 0xbeef;

/**
 * Most seconds the compact model gets to mend one landing. Measured at 60 s in the tenth
 * session (one run each, noisy): Instance5 gave 1143 (its optimum) in five of six runs with it
 * and 1144–1156 in eight without (the ninth session had 1143 in three of five); it took dives'
 * landings 1248 → 1147 on Instance5 and 1530 → 1431 on Instance8.
 */
const REPAIR_SECONDS = 3;

/**
 * While generation has not converged (Curtois 8 and 12 run it to the end of the minute), a turn
 * of guided fix-and-optimise (over the horizon and week by week, see FixAndOptimise) follows
 * each neighbourhood dive given up at the incumbent's LP value, and lasts until this long passes
 * without a gain. On Instance12 the dives after the first gained nothing in four traced runs,
 * while guided neighbourhoods took off the surplus heads short; on Instance8 a dive is what takes
 * off its bad mode's 100 (1402 → 1310), and turns after every dive that gained nothing left it
 * there in 2 of 3 runs (after given-up dives only: 1304, 1305, 1306).
 */
const GUIDED_TURN_SECONDS = 5;

/** Most seconds best responses polish one rota. */
const POLISH_SECONDS = 3;

/** How the partner search talks to the main search (messages between threads, or direct calls in tests). */
export interface PartnerChannel {
  /** Incumbents the main search found since the last call. */
  drain(): Float64Array[];
  postBound(bound: number): void;
  postPoint(values: Float64Array): void;
  /** The latest master LP solution in model columns (see guidePoint), for guided neighbourhoods. */
  postGuide?(values: Float64Array): void;
  /** Lets queued messages in (a thread only sees them between tasks). */
  yieldToMessages(): Promise<void>;
}

/**
 * Whether the rota model splits usefully by officer: at least two officers with their own rows
 * and something (cover, capacity) tying them together.
 */
export function decomposable(split: Decomposition): boolean {
  return split.blocks.length >= 2 && split.linkingRows.length > 0 && split.blocks.every((b) => b.cols.length > 0);
}

/**
 * The second core's search: Dantzig–Wolfe column generation over officer rosters, then rotas
 * from it. Generation runs until nearly converged or `GENERATION_SHARE` of the time is gone; the
 * master LP rounded, then a dive, each mended by best responses (and the compact model, where
 * it lands above the incumbent); if generation was nearly converged it goes on to convergence.
 * The rest of the time goes to neighbourhood dives around the incumbent; once those stall,
 * branch-and-price searches below the converged LP if few steps are left to its bound, and
 * fix-and-optimise on the compact model runs. It posts the decomposition bound (usually far tighter than the
 * compact LP), every better rota, and its master LP solutions as the guide of both sides' guided
 * neighbourhoods (see MasterGuide); the main search's incumbents flow back in as rosters (and
 * are mended too), so each side starts from the other's best. A first dive that lands level
 * with an unconverged master sends generation on to convergence before the neighbourhood dives;
 * otherwise, unconverged where weekends are capped, this thread descends through the weekend
 * bands from the dive's own landing (see descendBands) while the main search works on the incumbent.
 */
export async function partnerSearch(model: RotaModel, engine: Engine, lns: LnsContext, channel: PartnerChannel, split = decompose(model)): Promise<void> {
  const pool = new PatternPool(model.lp, split);
  const pricer = new Pricer(engine, split);
  const response = BestResponse.build(model, pool, pricer);
  const total = lns.remaining();
  const repair = new LandingRepair(model, engine, lns, PARTNER_SEED + 1);
  let turns: FixAndOptimise | null = null;
  // The rotas the first dive lands on, better than the incumbent or not.
  const landings: Float64Array[] = [];
  // The tightest bound posted: once the incumbent meets it there is nothing left to search for.
  let bound = Infinity;
  const postBound = (b: number) => {
    bound = Math.min(bound, b);
    channel.postBound(b);
  };
  // The master LP's latest solution guides fix-and-optimise here and in the main search.
  const guide = new MasterGuide(pool, (values) => channel.postGuide?.(values));
  lns.getGuide = () => guide.get();
  const setGuide = (lpValues: Float64Array) => guide.fromMaster(lpValues);
  const proved = () => (relGap(Number.isFinite(bound) ? bound : null, lns.getBest()?.objective ?? null) ?? 1) <= lns.tolerance;
  /** Best responses from a rota (any, not only a better one); posted when that beats the incumbent. */
  const polish = (point: Float64Array, source: string) => {
    const changed = response?.improve(point, Math.min(POLISH_SECONDS, lns.remaining()), lns.stop) ?? 0;
    const accepted = lns.accept(point, source);
    if (accepted) channel.postPoint(point);
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`${source}: ${changed} rosters changed, ${model.lp.objectiveOf(point).toFixed(1)}${accepted ? ' (new best)' : ''}`);
  };
  const takeIncumbents = async () => {
    await channel.yieldToMessages();
    for (const values of channel.drain()) {
      pool.addPoint(values);
      if (lns.accept(values, 'main search')) polish(values.slice(), 'main search + best responses');
    }
  };
  const improved = async (seconds: number, choice?: number[], admit?: (pattern: number) => boolean) => {
    const before = lns.getBest()?.objective ?? -Infinity;
    const run = await solveIntegerMaster(engine, lns, pool, seconds, choice, admit);
    const best = lns.getBest();
    if (best && best.objective > before) channel.postPoint(best.values);
    return run;
  };
  /**
   * A pattern per officer as a rota: best responses mend its cover, else the master's own columns
   * are solved for it. Returns the rota it ends with, better than the incumbent or not. With
   * `mend` false, a rota above the incumbent is left as it is (a band descent will take it).
   */
  const settle = async (choice: number[], source: string, mend = true): Promise<Float64Array | null> => {
    if (!response) return (await improved(Math.min(5, lns.remaining()), choice)).point;
    const point = pool.pointOfChoice(choice);
    if (!point) return null;
    polish(point, source);
    // A rota that lands above the incumbent is mended where it pays (see LandingRepair).
    const best = lns.getBest()?.objective ?? -Infinity;
    if (!mend || model.lp.objectiveOf(point) >= best) return point;
    const mended = await repair.mend(point, best, Math.min(REPAIR_SECONDS, lns.remaining()));
    if (mended !== point) polish(mended, `${source} + repair`);
    return mended;
  };
  try {
    // Every officer's best roster under their own rules alone: the master is feasible from the
    // start (the linking rows' slack absorbs the rest) even before the main search reports.
    await seedPool(model, pool, pricer, lns, takeIncumbents);
    // The seeds side by side are already a rota that keeps every officer's own rules.
    await takeIncumbents();
    if (pool.coversEveryBlock()) await improved(Math.min(5, lns.remaining()));
    const dive = async (mend: boolean) => {
      const completeFixings = async (fixings: AssignmentFixings, fixed: ReadonlyMap<number, number>, choice: readonly number[]) => {
        const values = await solveUnderFixings(model, engine, lns, pool, fixings, fixed, choice, Math.min(FIXINGS_MIP_SECONDS, lns.remaining()));
        if (values) polish(values, 'dive fixings + engine + best responses');
        if (values) landings.push(values);
      };
      const choice = await diveByAssignments(model, lns, pool, pricer, lns.remaining() / 2, { betweenRounds: takeIncumbents, integerMaster: (seconds, admit) => improved(mend ? seconds : Math.min(seconds, DESCENT_SNAPSHOT_SECONDS), undefined, admit), completeFixings });
      const settled = choice ? await settle(choice, 'dive + best responses', mend) : null;
      if (settled) landings.push(settled);
      await takeIncumbents();
    };
    // Converged: the tree below the master LP, level by level, until it finds a better rota, proves there is none, or its share of the time is gone.
    const levelHooks = { betweenRounds: takeIncumbents, settle, postBound };
    const closeGap = () => searchByLevels(model, lns, pool, pricer, bound, lns.remaining() * TREE_SHARE, levelHooks);
    while (!pool.coversEveryBlock()) {
      // Some officer's own rules could not be solved alone in time: wait for the main search.
      if (lns.remaining() <= 0.3 || lns.stop()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await takeIncumbents();
    }
    // Generation until nearly converged, or out of its share of time.
    const round = await generateColumns(model, lns, pool, pricer, Math.max(0.5, lns.remaining() - total * (1 - GENERATION_SHARE)), { betweenRounds: takeIncumbents, onBound: (b) => postBound(b), onMaster: setGuide, stopGap: NEAR_CONVERGENCE });
    if (round.bound !== null) postBound(round.bound);
    // The master LP is near-integral by now: rounded and mended, it is a good rota at once.
    // Unconverged where the week is cut in blocks, a band descent follows the first dive (see
    // descendBands): the rotas before it are not mended, which would delay it by 3 s each.
    const descends = !round.converged && !round.nearlyConverged && weekendBands(model).length > 1;
    if (round.lpValues) await settle(roundedChoice(pool, round.lpValues), 'rounded master + best responses', !descends);
    // Unconverged where weekends are capped, the rota lands on a weekend skeleton instead of a
    // dive (see skeletonLanding); the dive stays for when it finds none.
    const skeleton = !proved() && !round.converged && !round.nearlyConverged && round.masterValue !== null && decidesWorkDays(model, pool) ? await skeletonLanding(model, engine, lns, pool, pricer, round.masterValue, takeIncumbents) : null;
    if (skeleton) polish(skeleton, 'weekend skeleton + engine + best responses');
    else if (!proved()) await dive(!descends);
    // Nearly converged: generation goes on to convergence (the bound branch-and-price needs).
    let converged = round.converged;
    // Branch-and-price first when few objective levels separate the incumbent from the converged
    // bound (see treeInReach): level by level it finds what the neighbourhood dives do not, and needs the time.
    const near = () => converged && !proved() && treeInReach(model, bound, lns.getBest()?.objective ?? -Infinity);
    // Deciding work days first, the walk down from the bound needs no good incumbent: it gets a
    // share of the time even when the incumbent is still far above (see EARLY_TREE_SHARE).
    const earlyTree = () => converged && !proved() && !near() && decidesWorkDays(model, pool);
    // A landing level with the master LP (or better) leaves the dives nothing to aim at: the master
    // must converge first, for a bound and a guide (see LANDED_CONVERGENCE_SHARE), if it is in
    // generation's tail already (pricing proving, not quick rounds still finding rosters).
    const landed = lns.getBest()?.objective ?? -Infinity;
    const behind = !round.converged && round.pricingExact && round.masterValue !== null && landed >= round.masterValue - LANDED_WITHIN * Math.max(1, Math.abs(round.masterValue));
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`after the dive: incumbent ${landed.toFixed(1)}, master ${round.masterValue?.toFixed(2)}${behind ? ', the master is behind: generation goes on' : ''}`);
    // Unconverged where weekends are capped and the week is cut in blocks (see weekendBands),
    // this thread descends through them too, from the dive's landing (see descendBands). Where
    // Friday to Monday is alone, it is slow and the main search has it already.
    const start = descends && !proved() && !behind ? landingOf(model, landings) : null;
    if (start) {
      turns = new FixAndOptimise(model, engine, PARTNER_SEED);
      // Half way round the blocks: the two threads are less likely to start on the same one.
      turns.bandTurns.next = Math.floor(weekendBands(model).length / 2);
      const gains = await descendBands(model, engine, lns, start, { turns: turns.bandTurns, guard: turns.guard, betweenBands: takeIncumbents, onImproved: (values) => channel.postPoint(values) });
      lns.log.push(`band descent from the dive's landing (${model.lp.objectiveOf(start).toFixed(1)}): ${gains} gains, ${lns.getBest()?.objective.toFixed(1)}`);
    }
    if (round.nearlyConverged || behind) {
      const rest = await generateColumns(model, lns, pool, pricer, lns.remaining() * (behind ? LANDED_CONVERGENCE_SHARE : CONVERGENCE_SHARE), { betweenRounds: takeIncumbents, onBound: (b) => postBound(b), onMaster: setGuide });
      if (rest.bound !== null) postBound(rest.bound);
      converged = rest.converged;
      // Converged, rounded, the master is a rota at once where it is integral (not worth its
      // seconds before an early tree: on Instance7 it gave 1455–1749 in 3–4.5 s).
      if (converged && rest.lpValues && !earlyTree()) await settle(roundedChoice(pool, rest.lpValues), 'converged master + best responses');
    }
    const treeFirst = near();
    if (treeFirst) await closeGap();
    else if (earlyTree()) await searchByLevels(model, lns, pool, pricer, bound, lns.remaining() * EARLY_TREE_SHARE, levelHooks);
    // Unconverged, guided neighbourhoods take turns with the dives (see GUIDED_TURN_SECONDS).
    // Made for the band descent already, if one ran (the master is unconverged then).
    if (!converged) turns ??= new FixAndOptimise(model, engine, PARTNER_SEED);
    // Fix-and-optimise on this thread takes in the main search's rotas and posts its own.
    const onThisThread = { seed: PARTNER_SEED, betweenNeighbourhoods: takeIncumbents, onImproved: (values: Float64Array) => channel.postPoint(values) };
    const guided = (until?: () => boolean) => improve(model, engine, lns, { ...onThisThread, state: turns!, onlyGuided: true, until });
    const guidedTurn = async () => {
      let since = performance.now();
      let objective = lns.getBest()?.objective;
      await guided(() => {
        // Any gain (this turn's or the main search's) starts the idle clock again.
        if (lns.getBest()?.objective !== objective) [since, objective] = [performance.now(), lns.getBest()?.objective];
        return performance.now() - since > GUIDED_TURN_SECONDS * 1000;
      });
    };
    const dives = proved() ? 'done' : await neighbourhoodDives(model, lns, pool, pricer, settle, takeIncumbents, proved, { afterAbandoned: turns ? guidedTurn : undefined });
    // Or once the dives have come near enough.
    if (!treeFirst && near()) await closeGap();
    // The LP has nothing better near the incumbent: the compact model's neighbourhoods, side
    // by side with the main search's, with draws of their own (guided only while unconverged).
    if (dives === 'stalled') await (turns ? guided() : improve(model, engine, lns, onThisThread));
    if (turns) lns.log.push(`guided fix-and-optimise in turns with the dives: ${turns.improved} improving neighbourhoods`);
  } finally {
    repair.dispose();
    turns?.dispose();
    pricer.dispose();
  }
}

/** The best of a dive's own rotas (its fixings completed, its last LP rounded), better than the incumbent or not. */
function landingOf(model: RotaModel, landings: readonly Float64Array[]): Float64Array | null {
  return landings.reduce<Float64Array | null>((found, point) => (!found || model.lp.objectiveOf(point) > model.lp.objectiveOf(found) ? point : found), null);
}

/** Seed rosters: each officer's best under their own rules, by labeling, else by their MIP. */
async function seedPool(model: RotaModel, pool: PatternPool, pricer: Pricer, lns: LnsContext, takeIncumbents: () => Promise<void>): Promise<void> {
  const { split } = pool;
  for (let b = 0; b < split.blocks.length; b++) {
    await takeIncumbents();
    if (lns.stop() || lns.remaining() <= 0.3 || pool.coversEveryBlock()) return;
    if (pool.hasBlock(b)) continue;
    const values = pricer.seedByLabels(model, b, false) ?? (await seedRoster(await pricer.session(b), split.blocks[b], Math.min(2, lns.remaining()), false, lns.stop));
    if (values) pool.add(b, values);
  }
}
