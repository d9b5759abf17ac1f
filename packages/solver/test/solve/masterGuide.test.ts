import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { buildModel } from '../../src/model/build.js';
import { decompose } from '../../src/solve/decompose.js';
import { PatternPool } from '../../src/solve/master.js';
import { MasterGuide } from '../../src/solve/masterGuide.js';
import { section } from '../benchmark/nrpFixtures.js';

/** One week, one shift type, two officers. */
const WEEK = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', 'A,D=7,4800,0,5,1,1,2', 'B,D=7,4800,0,5,1,1,2'),
  section('COVER', ...Array.from({ length: 7 }, (_, d) => `${d},D,1,100,1`)),
].join('');

function setUp() {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(WEEK, 'Week'))));
  const split = decompose(model);
  const pool = new PatternPool(model.lp, split);
  // A's Monday shift, and two rosters for A (working it, or not) and one for B.
  const column = model.assignEntries().find((e) => e.officerId === 'A' && model.ctx.shiftById.get(e.shiftId)!.dayIndex === 0)!.variable;
  const monday = new Float64Array(split.blocks[0].cols.length);
  monday[split.blocks[0].cols.indexOf(column)] = 1;
  pool.add(0, monday);
  pool.add(1, new Float64Array(split.blocks[1].cols.length));
  pool.add(0, new Float64Array(split.blocks[0].cols.length));
  /** An LP solution with weight `w` on A's Monday roster and 1 − w on A's other. */
  const lp = (w: number) => {
    const values = new Float64Array(pool.patterns.length + split.masterCols.length);
    values[0] = w;
    values[1] = 1;
    values[2] = 1 - w;
    return values;
  };
  return { pool, lp, column };
}

describe('the master LP that guides fix-and-optimise', () => {
  it('is each master solution in model columns, posted as it comes', () => {
    const { pool, lp, column } = setUp();
    const posted: Float64Array[] = [];
    const guide = new MasterGuide(pool, (values) => posted.push(values));
    expect(guide.get()).toBeNull();
    guide.fromMaster(lp(0.25));
    expect(guide.get()![column]).toBeCloseTo(0.25);
    guide.fromMaster(lp(1));
    expect(guide.get()![column]).toBeCloseTo(1);
    expect(posted).toHaveLength(2);
  });
});
