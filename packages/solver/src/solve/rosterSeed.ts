import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { solveIntegerMaster } from './colgen.js';
import type { Decomposition } from './decompose.js';
import type { LnsContext } from './lns.js';
import { PatternPool } from './master.js';
import { seedRoster } from './pricer.js';

/** Seconds one officer's year-long seed may take before the next officer is tried. */
const SEED_SECONDS = 4;

/**
 * Construction for year-long models, where even one officer's slice of the full model is too
 * big to re-solve a few times a minute: every officer gets a roster that keeps their own rules
 * (solved on their block alone, feasibility first), the partner thread seeding from the other
 * end (`inbox`), and the master puts them side by side. Cover is left to the search after.
 */
export async function constructFromRosters(model: RotaModel, engine: Engine, lns: LnsContext, split: Decomposition, inbox: Map<number, Float64Array>): Promise<void> {
  const pool = new PatternPool(model.lp, split);
  const takeRosters = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    for (const [b, values] of inbox) pool.add(b, values);
    inbox.clear();
  };
  let seeded = 0;
  for (const [b, block] of split.blocks.entries()) {
    await takeRosters();
    if (lns.stop() || lns.remaining() <= 0.5 || pool.coversEveryBlock()) break;
    if (pool.hasBlock(b)) continue;
    const session = await engine.open(block.lp);
    try {
      const values = await seedRoster(session, block, Math.min(SEED_SECONDS, lns.remaining()), true, lns.stop);
      if (values) {
        pool.add(b, values);
        seeded++;
      }
    } finally {
      session.dispose();
    }
  }
  await takeRosters();
  const partnerSeeded = split.blocks.filter((_, b) => pool.hasBlock(b)).length - seeded;
  lns.log.push(`construction from officers' own rosters: ${seeded} seeded here, ${partnerSeeded} by the partner, ${pool.coversEveryBlock() ? 'all' : 'not all'} officers covered`);
  if (pool.coversEveryBlock()) await solveIntegerMaster(engine, lns, pool, Math.max(1, Math.min(10, lns.remaining())));
}
