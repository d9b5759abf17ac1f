import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/domain/scenario.js';
import { evaluate } from '../src/evaluate/evaluate.js';
import { solve } from '../src/solve/solve.js';
import { officer, tinyScenario } from './fixtures.js';

const small = JSON.parse(readFileSync(new URL('../../../examples/small.json', import.meta.url), 'utf8')) as Scenario;
const threeDays = (overrides: Partial<Scenario> = {}) => tinyScenario({ days: 3, ...overrides });

describe('solve', () => {
  it('solves the small example optimally, and the evaluator agrees with the engine', async () => {
    const r = await solve(small, { timeLimitSeconds: 30 });
    expect(r.status).toBe('optimal');
    expect(r.evaluation.hardViolations).toBe(0);
    expect(r.gap).toBeLessThanOrEqual(1e-4);
    expect(r.log.join('\n')).not.toMatch(/differs/);
    const again = evaluate(small, r.rota);
    expect(again.objective).toBeCloseTo(r.objective, 6);
    expect(again.hardViolations).toBe(0);
  });

  it('gives the same rota for the same input', async () => {
    const [a, b] = await Promise.all([solve(small, { timeLimitSeconds: 30 }), solve(small, { timeLimitSeconds: 30 })]);
    const key = (r: typeof a) => r.rota.assignments.map((x) => `${x.officerId}@${x.shiftId}`).sort();
    expect(key(a)).toEqual(key(b));
  });

  it('never covers less harm with one more officer', async () => {
    const base = threeDays({ officers: [officer('a'), officer('b')] });
    const more = threeDays({ officers: [officer('a'), officer('b'), officer('c')] });
    const [r2, r3] = await Promise.all([solve(base, { timeLimitSeconds: 20 }), solve(more, { timeLimitSeconds: 20 })]);
    expect(r3.evaluation.harmCovered).toBeGreaterThanOrEqual(r2.evaluation.harmCovered - 1e-6);
    expect(r3.evaluation.harmCovered).toBeGreaterThan(r2.evaluation.harmCovered);
  });

  it('never lowers a hotspot’s coverage when its forecast rises', async () => {
    const hotspots = [
      { id: 'hs', name: 'High Street', lat: 0, lon: 0, saturationOfficers: 2 },
      { id: 'ws', name: 'Warrior Square', lat: 0, lon: 0, saturationOfficers: 2 },
    ];
    const forecast = (ws: number) => ({ unit: 'h', hotspots: [{ hotspotId: 'hs', hourlyHarm: Array(168).fill(1) }, { hotspotId: 'ws', hourlyHarm: Array(168).fill(ws) }] });
    const covered = (r: Awaited<ReturnType<typeof solve>>) => r.evaluation.coverage.filter((c) => c.hotspotId === 'ws').reduce((s, c) => s + c.coveredHarm, 0);
    const [low, high] = await Promise.all([solve(threeDays({ hotspots, forecast: forecast(0.5) }), { timeLimitSeconds: 20 }), solve(threeDays({ hotspots, forecast: forecast(2) }), { timeLimitSeconds: 20 })]);
    expect(covered(high)).toBeGreaterThanOrEqual(covered(low) - 1e-6);
  });

  it('agrees between HiGHS and javascript-lp-solver on a model jsls can solve', async () => {
    const scenario = threeDays({ officers: [officer('a'), officer('b')], policy: { coverRules: [{ id: 'one', minOfficers: 1, shiftTypeIds: ['E'] }] } });
    const [h, j] = await Promise.all([solve(scenario, { timeLimitSeconds: 20 }), solve(scenario, { engine: 'jsls', timeLimitSeconds: 20 })]);
    expect(j.status).toBe('optimal');
    expect(j.engine).toBe('jsls');
    expect(j.objective).toBeCloseTo(h.objective, 6);
  });

  it('names each hard rule that cannot hold when everyone is on leave, never a bare infeasible', async () => {
    const leave = [{ kind: 'leave' as const, start: '2026-03-01', end: '2026-04-01' }];
    const scenario = threeDays({
      officers: [officer('a', { abstractions: leave }), officer('b', { abstractions: leave })],
      policy: { coverRules: [{ id: 'sergeant', ranks: ['PS'], minOfficers: 1, shiftTypeIds: ['E'] }] },
    });
    const r = await solve(scenario, { timeLimitSeconds: 20 });
    expect(r.status).toBe('infeasible');
    expect(r.rota.assignments).toEqual([]);
    const cover = r.evaluation.findings.filter((f) => f.ruleId === 'minimumCover');
    expect(cover).toHaveLength(3);
    expect(cover[0]).toMatchObject({ violation: true, shiftId: 'E@2026-03-02', amount: 1, unit: 'officers' });
    expect(cover[0].message).toMatch(/Early Mon 2 Mar has 0 where cover rule "sergeant" asks for 1 PS/);
  });

  it('keeps the best rota so far when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const r = await solve(small, { timeLimitSeconds: 60, signal: controller.signal });
    // Stopped long before its 60 s, with the rota it had, re-checked (breaches reported, not hidden).
    expect(r.seconds).toBeLessThan(20);
    expect(evaluate(small, r.rota).objective).toBeCloseTo(r.objective, 6);
    expect(r.evaluation.hardViolations === 0 || r.status !== 'optimal').toBe(true);
  });

  it('re-solves after a sickness from the previous rota, moving only what it must', async () => {
    const first = await solve(small, { timeLimitSeconds: 30 });
    const victim = first.rota.assignments[0];
    const shift = victim.shiftId.split('@')[1];
    const sick = { ...small, officers: small.officers.map((o) => (o.id === victim.officerId ? { ...o, abstractions: [...o.abstractions, { kind: 'sick' as const, start: shift, end: shift.replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, '0')) }] } : o)), previousAssignments: first.rota.assignments };
    const again = await solve(sick, { timeLimitSeconds: 30, startRota: first.rota });
    expect(again.evaluation.hardViolations).toBe(0);
    expect(again.rota.assignments.some((a) => a.officerId === victim.officerId && a.shiftId === victim.shiftId)).toBe(false);
    const before = new Set(first.rota.assignments.map((a) => `${a.officerId}@${a.shiftId}`));
    const changed = again.rota.assignments.filter((a) => !before.has(`${a.officerId}@${a.shiftId}`)).length;
    expect(changed).toBeLessThanOrEqual(3);
  });

  it('reports progress while it searches', async () => {
    const phases: string[] = [];
    await solve(small, { timeLimitSeconds: 30, onProgress: (p) => phases.push(p.phase) });
    expect(phases.at(-1)).toBe('done');
    expect(phases.length).toBeGreaterThan(1);
  });
});
