import { describe, expect, it } from 'vitest';
import { highsEngine } from '../../src/engines/highs.js';
import { LinearModel } from '../../src/model/linear.js';
import { GuardedSolver } from '../../src/solve/guardedSolver.js';

/** A small knapsack: max 5a + 4b + 3c subject to 2a + 3b + c ≤ 4, binaries (optimum 8: a and c). */
function knapsack(): LinearModel {
  const lp = new LinearModel();
  const a = lp.addVar('a', { type: 'binary', cost: 5 });
  const b = lp.addVar('b', { type: 'binary', cost: 4 });
  const c = lp.addVar('c', { type: 'binary', cost: 3 });
  lp.addRow('weight', [[a, 2], [b, 3], [c, 1]], -Infinity, 4);
  return lp;
}

describe('guarded sub-solves', () => {
  it('solve on their own thread to the same optimum as HiGHS in the asking thread', async () => {
    const guard = new GuardedSolver();
    try {
      const run = await guard.run(knapsack(), { timeLimitSeconds: 5 });
      const session = await highsEngine.open(knapsack());
      const here = session.run({ timeLimitSeconds: 5 });
      session.dispose();
      expect(run.status).toBe('optimal');
      expect(run.objective).toBeCloseTo(8, 9);
      expect(run.objective).toBeCloseTo(here.objective!, 9);
      expect([...run.values!]).toEqual([1, 0, 1]);
      expect(guard.kills).toBe(0);
    } finally {
      guard.dispose();
    }
  });

  it('kill a thread that overruns its limit and report a time limit with no rota; the next run gets a new thread', async () => {
    const guard = new GuardedSolver(new URL('./threads/silent-subsolve.mjs', import.meta.url), { graceSeconds: 0.3, startupSeconds: 0 });
    try {
      const started = performance.now();
      const run = await guard.run(knapsack(), { timeLimitSeconds: 0.2 });
      expect(run.status).toBe('timeLimit');
      expect(run.values).toBeNull();
      expect(guard.kills).toBe(1);
      // Killed after its limit and grace, not before.
      expect(performance.now() - started).toBeGreaterThanOrEqual(500);
      expect((await guard.run(knapsack(), { timeLimitSeconds: 0.1 })).status).toBe('timeLimit');
      expect(guard.kills).toBe(2);
    } finally {
      guard.dispose();
    }
  });

  it('stop at once when the caller asks, whatever the time limit', async () => {
    const guard = new GuardedSolver(new URL('./threads/silent-subsolve.mjs', import.meta.url), { graceSeconds: 60, startupSeconds: 0 });
    try {
      const run = await guard.run(knapsack(), { timeLimitSeconds: 60, shouldStop: () => true });
      expect(run.status).toBe('timeLimit');
      expect(run.seconds).toBeLessThan(5);
    } finally {
      guard.dispose();
    }
  });
});
