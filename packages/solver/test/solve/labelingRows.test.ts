import { describe, expect, it } from 'vitest';
import { LinearModel } from '../../src/model/linear.js';
import { enumerateMoves, enumerateMovesCached, type MoveCache } from '../../src/solve/labelingRows.js';

/** Three days of three shift types (at most one a day, at most two of the last two types); day 1's first type is barred. */
function days() {
  const lp = new LinearModel();
  const cols = [0, 1, 2].map((d) => [0, 1, 2].map((t) => lp.addVar(`x${d}${t}`, { type: 'binary', upper: d === 1 && t === 0 ? 0 : 1 })));
  const local = cols.map((day) => [
    { row: { lower: -Infinity, upper: 1 }, terms: day.map((j) => [j, 1] as [number, number]) },
    { row: { lower: -Infinity, upper: 2 }, terms: day.slice(1).map((j) => [j, 1] as [number, number]) },
  ]);
  return { lp, cols, local };
}

describe('enumerateMovesCached', () => {
  it('gives each stage the moves enumeration gives it, reusing stages alike and not those with other bounds', () => {
    const { lp, cols, local } = days();
    const cache: MoveCache = new Map();
    for (let d = 0; d < 3; d++) expect(enumerateMovesCached(lp, cols[d], local[d], cache)).toEqual(enumerateMoves(lp, cols[d], local[d]));
    // Days 0 and 2 are alike; day 1 has a barred column, so its moves are its own.
    expect(cache.size).toBe(2);
    // Day 2's moves, read from day 0's, name day 2's columns: off or one shift of the three.
    const day2 = enumerateMovesCached(lp, cols[2], local[2], cache)!.map((m) => m.cols);
    expect(day2).toHaveLength(4);
    expect(new Set(day2.flat())).toEqual(new Set(cols[2]));
    expect(enumerateMovesCached(lp, cols[1], local[1], cache)!.map((m) => m.cols)).toEqual(expect.arrayContaining([[], [cols[1][1]], [cols[1][2]]]));
    expect(enumerateMovesCached(lp, cols[1], local[1], cache)).toHaveLength(3);
  });
});
