import { describe, expect, it } from 'vitest';
import type { OfficerDay } from '../../src/solve/assignmentDive.js';
import { DRIFT_SHARE, DriftGuard, MAX_BACKTRACKS } from '../../src/solve/driftGuard.js';

const monday: OfficerDay = { block: 0, day: 0, cols: [0, 1] };
const tuesday: OfficerDay = { block: 0, day: 1, cols: [2, 3] };
const other: OfficerDay = { block: 1, day: 0, cols: [0, 1] };

/** A step that decided Monday then Tuesday for officer 0 (a shift each) and Monday off for officer 1. */
function decide(fixings: Map<number, ReadonlyMap<number, 0 | 1>>, settled: Set<OfficerDay>) {
  const before0 = fixings.get(0);
  const afterMonday = new Map([...(before0 ?? []), [0, 1 as const]]);
  const afterTuesday = new Map([...afterMonday, [2, 1 as const]]);
  fixings.set(0, afterTuesday);
  fixings.set(1, new Map([[0, 0 as const], [1, 0 as const]]));
  [monday, tuesday, other].forEach((d) => settled.add(d));
  return [
    { day: monday, option: 0, before: before0 },
    { day: tuesday, option: 2, before: afterMonday },
    { day: other, option: -1, before: undefined },
  ];
}

describe('undoing a dive step whose master drifted', () => {
  it('keeps a step whose master held, within the drift share of the first LP value', () => {
    const guard = new DriftGuard();
    const fixings = new Map<number, ReadonlyMap<number, 0 | 1>>();
    const settled = new Set<OfficerDay>();
    guard.record(-1000, decide(fixings, settled));
    expect(guard.undoIfDrifted(-1000 - DRIFT_SHARE * 1000 * 0.9, -1000, fixings, settled)).toBe(0);
    expect(settled.size).toBe(3);
    expect(fixings.get(0)!.get(2)).toBe(1);
  });

  it('undoes every decision of a step whose master drifted, back to the fixings from before it, and bars their options', () => {
    const guard = new DriftGuard();
    const earlier = new Map<number, 0 | 1>([[3, 0]]);
    const fixings = new Map<number, ReadonlyMap<number, 0 | 1>>([[0, earlier]]);
    const settled = new Set<OfficerDay>();
    guard.record(-1000, decide(fixings, settled));
    expect(guard.undoIfDrifted(-1012, -1000, fixings, settled)).toBe(3);
    expect(fixings.get(0)).toBe(earlier);
    expect(fixings.has(1)).toBe(false);
    expect(settled.size).toBe(0);
    // Barred: the same options are passed over while anything else is open.
    const open = [{ day: monday, option: 0 }, { day: monday, option: 1 }, { day: other, option: -1 }];
    expect(guard.allowed(open)).toEqual([{ day: monday, option: 1 }]);
    expect(guard.allowed([{ day: other, option: -1 }])).toEqual([{ day: other, option: -1 }]);
    // Nothing left to undo until the next step is recorded.
    expect(guard.undoIfDrifted(-1100, -1000, fixings, settled)).toBe(0);
  });

  it('stops undoing after its most backtracks, so a dive still ends', () => {
    const guard = new DriftGuard();
    const fixings = new Map<number, ReadonlyMap<number, 0 | 1>>();
    const settled = new Set<OfficerDay>();
    for (let i = 0; i < MAX_BACKTRACKS; i++) {
      guard.record(-1000, decide(fixings, settled));
      expect(guard.undoIfDrifted(-1100, -1000, fixings, settled)).toBe(3);
    }
    guard.record(-1000, decide(fixings, settled));
    expect(guard.undoIfDrifted(-1100, -1000, fixings, settled)).toBe(0);
    expect(guard.backtracks).toBe(MAX_BACKTRACKS);
  });
});
