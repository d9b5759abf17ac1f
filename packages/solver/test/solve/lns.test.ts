import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { improve, searchState } from '../../src/solve/lns.js';
import { tinyScenario } from '../fixtures.js';

describe('fix-and-optimise', () => {
  it("lets the thread's messages in between neighbourhoods (the partner's rotas arrive while it searches)", async () => {
    const model = buildModel(buildContext(tinyScenario()));
    // The engine loaded beforehand: from here on its calls settle as microtasks only.
    (await highsEngine.open(model.lp)).dispose();
    const { lns, setDeadline } = searchState(model, 1e-4, () => false);
    expect(lns.accept(new Float64Array(model.lp.names.length).map((_, v) => model.lp.lower[v]), 'start')).toBe(true);
    setDeadline(1.5);
    let returned = false;
    let arrivedDuringSearch: boolean | null = null;
    setImmediate(() => (arrivedDuringSearch = !returned));
    await improve(model, highsEngine, lns);
    returned = true;
    expect(arrivedDuringSearch).toBe(true);
  });

  it("on the partner's thread, takes in rotas through its own hook and reports each better point", async () => {
    const model = buildModel(buildContext(tinyScenario()));
    const { lns, setDeadline } = searchState(model, 1e-4, () => false);
    expect(lns.accept(new Float64Array(model.lp.names.length).map((_, v) => model.lp.lower[v]), 'start')).toBe(true);
    const start = lns.getBest()!.objective;
    setDeadline(1.5);
    let between = 0;
    const reported: number[] = [];
    await improve(model, highsEngine, lns, { seed: 7, betweenNeighbourhoods: async () => void between++, onImproved: (values) => reported.push(model.lp.objectiveOf(values)) });
    expect(between).toBeGreaterThan(0);
    // The empty rota is far from the best: the search improves on it, and says so each time.
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((objective, i) => objective > (i === 0 ? start : reported[i - 1]))).toBe(true);
    expect(reported.at(-1)).toBe(lns.getBest()!.objective);
  });
});
