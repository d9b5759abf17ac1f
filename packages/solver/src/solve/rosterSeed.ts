import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { solveIntegerMaster } from './masterChoice.js';
import type { Decomposition, OfficerBlock } from './decompose.js';
import type { LnsContext } from './lns.js';
import { PatternPool } from './master.js';
import { contextWithoutCover, seedOfficerAlone, type NamedRoster } from './officerSeed.js';
import { holds } from './pricer.js';

/** Seconds one officer's year-long seed may take before the next officer is tried. */
const SEED_SECONDS = 4;

/**
 * Construction for year-long models from officers' own rosters: those seeded before the model was
 * built (`inbox`, by name, each re-checked against this model's block), any officer still missing
 * seeded here on a model of their own, then the master puts them side by side. Cover is left to
 * the search after.
 */
export async function constructFromRosters(model: RotaModel, engine: Engine, lns: LnsContext, split: Decomposition, inbox: NamedRoster[]): Promise<void> {
  const pool = new PatternPool(model.lp, split);
  const blockOf = new Map(split.blocks.map((b, k) => [b.officerId, k]));
  // Never trust a roster from another model build: it must keep this block's own rows.
  const take = (roster: NamedRoster) => {
    const b = blockOf.get(roster.officerId);
    return b !== undefined && holdsAndAdds(pool, b, blockValues(model, split.blocks[b], roster));
  };
  let received = 0;
  for (const roster of inbox.splice(0)) if (take(roster)) received++;
  let seeded = 0;
  const base = contextWithoutCover(model.ctx.scenario);
  for (const [b, block] of split.blocks.entries()) {
    if (lns.stop() || lns.remaining() <= 0.5 || pool.coversEveryBlock()) break;
    if (pool.hasBlock(b)) continue;
    const officerIndex = base.officers.findIndex((o) => o.id === block.officerId);
    const roster = await seedOfficerAlone(base, officerIndex, engine, Math.min(SEED_SECONDS, lns.remaining()), lns.stop);
    if (roster && take(roster)) seeded++;
  }
  lns.log.push(`construction from officers' own rosters: ${seeded} seeded here, ${received} seeded before the build, ${pool.coversEveryBlock() ? 'all' : 'not all'} officers covered`);
  if (pool.coversEveryBlock()) await solveIntegerMaster(engine, lns, pool, Math.max(1, Math.min(10, lns.remaining())));
}

/** A named roster as values of this model's block (names that are not the block's are left out). */
function blockValues(model: RotaModel, block: OfficerBlock, roster: NamedRoster): Float64Array {
  const local = new Map(block.cols.map((c, i) => [c, i]));
  const values = new Float64Array(block.cols.length);
  for (let k = 0; k < roster.names.length; k++) {
    const i = local.get(model.lp.varIndex(roster.names[k]) ?? -1);
    // Cover slack of the officer's own model is the master's here: only the block's columns count.
    if (i !== undefined) values[i] = roster.values[k];
  }
  return values;
}

function holdsAndAdds(pool: PatternPool, b: number, values: Float64Array): boolean {
  return holds(pool.split.blocks[b], values) && pool.add(b, values);
}
