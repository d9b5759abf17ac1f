import { describe, expect, it } from 'vitest';
import { buildContext } from '../src/domain/context.js';
import { officer, tinyScenario } from './fixtures.js';

describe('buildContext', () => {
  it('counts whole days of leave towards contracted time, not part days', () => {
    const ctx = buildContext(
      tinyScenario({
        officers: [
          officer('a'),
          officer('b', { abstractions: [{ kind: 'leave', start: '2026-03-02', end: '2026-03-04' }] }),
          officer('c', { abstractions: [{ kind: 'court', start: '2026-03-02T09:00:00Z', end: '2026-03-02T17:00:00Z' }] }),
        ],
      }),
    );
    expect(ctx.contractMinutes(ctx.officerById.get('a')!)).toBe(2400);
    expect(ctx.contractMinutes(ctx.officerById.get('b')!)).toBeCloseTo((2400 * 5) / 7, 9);
    expect(ctx.contractMinutes(ctx.officerById.get('c')!)).toBe(2400);
  });

  it('cuts time into periods at every shift boundary, each knowing the shifts on duty', () => {
    const ctx = buildContext(tinyScenario({ days: 1 }));
    // Early 07–15, Late 14–22, Night 22–06: 07–14, 14–15, 15–22, 22–06.
    expect(ctx.periods.map((p) => [p.hours, p.shiftIds.length])).toEqual([[7, 1], [1, 2], [7, 1], [8, 1]]);
  });
});
