import { describe, expect, it } from 'vitest';
import { whatIf } from '../src/whatif/whatIf.js';
import { officer, tinyScenario } from './fixtures.js';

describe('whatIf', () => {
  it('gives a curve that never falls and confirmed marginal values per shift type', async () => {
    const scenario = tinyScenario({ days: 3, officers: [officer('a'), officer('b')] });
    const r = await whatIf(scenario, { extraOfficers: 2, profile: { rank: 'PC', skills: [], contractMinutesPerWeek: 2400 }, timeLimitSeconds: 8 });
    expect(r.curve.map((p) => p.extraOfficers)).toEqual([0, 1, 2]);
    for (let i = 1; i < r.curve.length; i++) expect(r.curve[i].harmCovered).toBeGreaterThanOrEqual(r.curve[i - 1].harmCovered - 1e-6);
    expect(r.curve[2].harmCovered).toBeGreaterThan(r.curve[0].harmCovered);
    expect(r.curve.every((p) => Math.abs(p.harmCovered + p.unmetHarm - (r.curve[0].harmCovered + r.curve[0].unmetHarm)) < 1e-6)).toBe(true);
    const confirmed = r.marginal.filter((m) => m.confirmedGain !== null);
    expect(confirmed.length).toBeGreaterThan(0);
    expect(confirmed[0].confirmedGain!).toBeGreaterThan(0);
    expect(r.marginal.map((m) => m.shiftTypeId).sort()).toEqual(['E', 'L', 'N']);
  });
});
