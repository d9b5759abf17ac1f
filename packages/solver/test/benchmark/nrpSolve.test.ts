import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { evaluateNrp, rotaToRoster } from '../../src/benchmark/nrpObjective.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { solve } from '../../src/solve/solve.js';
import { section, TINY } from './nrpFixtures.js';

/** Six staff over two weeks with E/L/N and the benchmark's typical limits, for plumbing checks. */
const SMALL = [
  section('HORIZON', '14'),
  section('SHIFTS', 'E,480,', 'L,480,E', 'N,600,E|L'),
  section('STAFF', ...['P', 'Q', 'R', 'S', 'T', 'U'].map((id, k) => `${id},E=14|L=14|N=${k % 3 === 0 ? 0 : 3},4800,2400,5,2,2,1`)),
  section('DAYS_OFF', 'P,3', 'R,10,11', 'U,0'),
  section('SHIFT_ON_REQUESTS', 'Q,2,L,2', 'S,6,E,3', 'T,12,N,1'),
  section('SHIFT_OFF_REQUESTS', 'P,5,E,2', 'U,8,L,1'),
  section('COVER', ...Array.from({ length: 14 }, (_, d) => [`${d},E,2,100,1`, `${d},L,${d % 7 < 5 ? 2 : 1},100,1`, `${d},N,1,100,1`]).flat()),
].join('');

describe('benchmark import → solve → benchmark objective', () => {
  it('finds the hand-computed optimum of a tiny instance', async () => {
    const instance = parseNrp(TINY, 'Tiny');
    const result = await solve(nrpToScenario(instance), { timeLimitSeconds: 20 });
    const scored = evaluateNrp(instance, rotaToRoster(instance, result.rota));
    expect(scored.violations).toEqual([]);
    expect(scored.objective).toBe(60);
    expect(result.objective).toBe(-60);
    expect(rotaToRoster(instance, result.rota).get('A')).toEqual(['D', 'D', null, null, 'D', 'D', 'D']);
  });

  it('returns a roster with zero hard violations whose benchmark objective is −ours', async () => {
    const instance = parseNrp(SMALL, 'Small');
    const scenario = nrpToScenario(instance);
    const result = await solve(scenario, { timeLimitSeconds: 8 });
    const scored = evaluateNrp(instance, rotaToRoster(instance, result.rota));
    expect(scored.violations).toEqual([]);
    expect(result.evaluation.hardViolations).toBe(0);
    expect(result.objective).toBe(-scored.objective);
    expect(evaluate(scenario, result.rota).objective).toBe(-scored.objective);
  });
});
