import { buildContext } from '../src/domain/context.js';
import type { Scenario } from '../src/domain/scenario.js';
import type { Officer } from '../src/domain/types.js';
import type { Assignment, Rota } from '../src/domain/rota.js';
import { buildView } from '../src/evaluate/view.js';
import type { Rule } from '../src/rules/rule.js';

/** A PC with no abstractions, 40 h contract. */
export function officer(id: string, extra: Partial<Officer> = {}): Officer {
  return { id, name: id.toUpperCase(), rank: 'PC', skills: [], contractMinutesPerWeek: 40 * 60, abstractions: [], requests: [], ...extra };
}

/**
 * A tiny scenario (Mon 2026-03-02, 7 days, Europe/London): Early 07:00–15:00, Late 14:00–22:00,
 * Night 22:00–06:00 every day; officers a, b, c; one hotspot with flat harm.
 */
export function tinyScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    id: 'tiny',
    name: 'Tiny',
    timezone: 'Europe/London',
    startDate: '2026-03-02',
    days: 7,
    officers: [officer('a'), officer('b'), officer('c')],
    shiftTypes: [
      { id: 'E', name: 'Early', start: '07:00', end: '15:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false },
      { id: 'L', name: 'Late', start: '14:00', end: '22:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false },
      { id: 'N', name: 'Night', start: '22:00', end: '06:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: true },
    ],
    hotspots: [{ id: 'hs', name: 'High Street', lat: 51.54, lon: 0.71, saturationOfficers: 2 }],
    forecast: { unit: 'CHI days', hotspots: [{ hotspotId: 'hs', hourlyHarm: Array(168).fill(1) }] },
    ...overrides,
  };
}

/** A rota with the given officer→shift pairs (`['a', 'E@2026-03-02']`) and no deployments. */
export function rotaOf(pairs: [string, string][], deployments: Rota['deployments'] = []): Rota {
  const assignments: Assignment[] = pairs.map(([officerId, shiftId]) => ({ officerId, shiftId }));
  return { scenarioId: 'tiny', assignments, deployments };
}

/** Run one rule's explanation on a rota. */
export function explain(rule: Rule, scenario: Scenario, rota: Rota) {
  return rule.explain(buildView(buildContext(scenario), rota));
}
