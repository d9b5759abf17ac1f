import { buildContext, type ScenarioContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import type { Engine } from '../engines/index.js';
import { buildModel } from '../model/build.js';
import type { RotaModel } from '../model/rotaModel.js';
import { decompose, type OfficerBlock } from './decompose.js';
import { Pricer, seedRoster } from './pricer.js';

/** One officer's roster by column name (nonzero columns only), so it survives a different model build. */
export interface NamedRoster {
  officerId: string;
  names: string[];
  values: number[];
  /** The shifts the roster works (a rota can be read off without any model). */
  shiftIds: string[];
}

/** A block's values as a named roster. */
export function nameRoster(model: RotaModel, block: OfficerBlock, values: ArrayLike<number>): NamedRoster {
  const roster: NamedRoster = { officerId: block.officerId, names: [], values: [], shiftIds: [] };
  const local = new Map(block.cols.map((c, i) => [c, i]));
  block.cols.forEach((c, i) => {
    if (values[i] === 0) return;
    roster.names.push(model.lp.names[c]);
    roster.values.push(values[i]);
  });
  for (const e of model.assignEntries()) if (e.officerId === block.officerId && values[local.get(e.variable) ?? -1] > 0.5) roster.shiftIds.push(e.shiftId);
  return roster;
}

/**
 * The scenario's context without what ties officers together (cover, patrol): built once, it is
 * the base every officer's own model is cut from.
 */
export function contextWithoutCover(scenario: Scenario): ScenarioContext {
  return buildContext({ ...scenario, coverTargets: [], hotspots: [], forecast: undefined });
}

/**
 * One officer's seed roster from a model of that officer alone: a year-long model of one officer
 * builds in a fraction of a second, where the whole rota's takes twenty, so the second thread
 * starts seeding at once instead of after its own full build. Cover is the master's business:
 * the seed keeps the officer's own rules and wishes only, as the main thread's seeds do.
 */
export async function seedOfficerAlone(base: ScenarioContext, officerIndex: number, engine: Engine, seconds: number, stop: () => boolean): Promise<NamedRoster | null> {
  const officer = base.officers[officerIndex];
  const own = <T extends { officerId: string }>(list: T[] | undefined) => list?.filter((x) => x.officerId === officer.id);
  const ctx: ScenarioContext = {
    ...base,
    scenario: { ...base.scenario, officers: [officer], pins: own(base.scenario.pins), previousAssignments: own(base.scenario.previousAssignments) },
    officers: [officer],
    officerById: new Map([[officer.id, officer]]),
  };
  const model = buildModel(ctx);
  const split = decompose(model);
  const block = split.blocks[0];
  const pricer = new Pricer(engine, split);
  try {
    const values = pricer.seedByLabels(model, 0, true) ?? (await seedRoster(await pricer.session(0), block, seconds, true, stop));
    return values ? nameRoster(model, block, values) : null;
  } finally {
    pricer.dispose();
  }
}
