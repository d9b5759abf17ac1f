import type { Rota } from '../domain/rota.js';
import type { Scenario } from '../domain/scenario.js';
import type { Engine } from '../engines/index.js';
import { contextWithoutCover, seedOfficerAlone, type NamedRoster } from './officerSeed.js';
import { betweenTasks, startPartner } from './partnerThread.js';

/** Models with more assignment binaries than this are year-long: officers are seeded first. */
export const HUGE_MODEL_BINARIES = 100_000;

/** Assignment binaries the full model builds per second on this hardware (150×364×32: 1.75M in ~20 s). */
const MODEL_BINARIES_PER_SECOND = 85_000;

/** Seconds a full model of this many binaries takes to build, with room to use it. */
export function modelSecondsFor(binaries: number): number {
  return binaries / MODEL_BINARIES_PER_SECOND;
}

/** What seeding every officer first produced. */
export interface OfficerSeeds {
  rosters: NamedRoster[];
  /** True when every officer has a roster: together they are a rota keeping every officer's rules. */
  complete: boolean;
  log: string[];
}

/**
 * Year-long rotas, before any full model exists: every officer's roster on a model of their own,
 * this thread from the first officer and a second thread from the last, meeting in the middle.
 * Officers' own rules are all the hard rules a benchmark rota has, so the rosters side by side
 * are a feasible rota within seconds; the full model (twenty seconds to build at 150 × 364 × 32)
 * only comes after, to improve cover.
 */
export async function seedOfficersFirst(scenario: Scenario, engine: Engine, seconds: number, stop: () => boolean): Promise<OfficerSeeds> {
  const started = performance.now();
  const left = () => seconds - (performance.now() - started) / 1000;
  const rosters = new Map<string, NamedRoster>();
  const arrived: NamedRoster[] = [];
  const partner = startPartner(scenario, Math.max(1, seconds), { point: () => undefined, bound: () => undefined, roster: (r) => arrived.push(r) }, 'seed');
  const base = contextWithoutCover(scenario);
  const count = scenario.officers.length;
  let here = 0;
  const take = () => arrived.splice(0).forEach((r) => rosters.set(r.officerId, r));
  for (let i = 0; i < count && rosters.size < count && left() > 0.5 && !stop(); i++) {
    // Messages from the other thread only land between tasks.
    await betweenTasks();
    take();
    const officer = scenario.officers[i];
    if (rosters.has(officer.id)) break;
    const roster = await seedOfficerAlone(base, i, engine, Math.min(4, left()), stop);
    if (roster) {
      rosters.set(officer.id, roster);
      here++;
    }
  }
  // The other thread may still be finishing officers this one skipped.
  while (rosters.size < count && left() > 0.5 && !stop()) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    take();
  }
  const log = [...(await partner.finish()).map((line) => `seeding thread: ${line}`), `seeded ${here} officers here, ${rosters.size} of ${count} in ${((performance.now() - started) / 1000).toFixed(1)} s`];
  take();
  return { rosters: [...rosters.values()], complete: rosters.size === count, log };
}

/** The rota the rosters make side by side (no deployments: patrol is the full model's business). */
export function rotaFromRosters(scenario: Scenario, rosters: NamedRoster[]): Rota {
  return { scenarioId: scenario.id, assignments: rosters.flatMap((r) => r.shiftIds.map((shiftId) => ({ officerId: r.officerId, shiftId }))), deployments: [] };
}
