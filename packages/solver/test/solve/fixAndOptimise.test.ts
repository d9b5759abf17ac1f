import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { FixAndOptimise, improve } from '../../src/solve/fixAndOptimise.js';
import { searchState } from '../../src/solve/lns.js';
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

  it('carries its state from call to call, and a call ends when `until` says', async () => {
    const model = buildModel(buildContext(tinyScenario()));
    const { lns, setDeadline } = searchState(model, 1e-4, () => false);
    expect(lns.accept(new Float64Array(model.lp.names.length).map((_, v) => model.lp.lower[v]), 'start')).toBe(true);
    setDeadline(30);
    const state = new FixAndOptimise(model, highsEngine, 7);
    try {
      let calls = 0;
      await improve(model, highsEngine, lns, { state, until: () => ++calls > 3 });
      // Three neighbourhoods, then the fourth check ended it, long before the deadline.
      expect(state.iteration).toBe(3);
      expect(lns.remaining()).toBeGreaterThan(20);
      await improve(model, highsEngine, lns, { state, until: () => state.iteration >= 5 });
      expect(state.iteration).toBe(5);
    } finally {
      state.dispose();
    }
  });

  it('with a guide and `onlyGuided`, draws guided neighbourhoods alone', async () => {
    const model = buildModel(buildContext(tinyScenario()));
    const run = async (onlyGuided: boolean) => {
      const { lns, setDeadline } = searchState(model, 1e-4, () => false);
      expect(lns.accept(new Float64Array(model.lp.names.length).map((_, v) => model.lp.lower[v]), 'start')).toBe(true);
      // A relaxation that disagrees with the empty rota on every assignment.
      const guide = new Float64Array(model.lp.names.length).fill(0.5);
      lns.getGuide = () => guide;
      setDeadline(30);
      const state = new FixAndOptimise(model, highsEngine, 7);
      try {
        await improve(model, highsEngine, lns, { state, onlyGuided, until: () => state.iteration >= 12 });
      } finally {
        state.dispose();
      }
      // Draws of the plain kinds (day windows, officer groups, ranks) are counted here.
      return [...state.aims.values()].reduce((a, b) => a + b, 0);
    };
    expect(await run(true)).toBe(0);
    expect(await run(false)).toBeGreaterThan(0);
  });
});
