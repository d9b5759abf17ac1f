/** Small hand-written records for the UI's component tests (shapes from the API contract). */
import type { CoverageRow, Finding, RotaRecord, Scenario, ScenarioRecord, SolveJob, WhatIfResult, WhatIfRun } from '../src/types.js';

export const scenario: Scenario = {
  id: 'sc1',
  name: 'Test town',
  timezone: 'Europe/London',
  startDate: '2025-11-03', // a Monday
  days: 7,
  officers: [
    { id: 'o1', name: 'Amir Khan', rank: 'PC', skills: ['driver'], contractMinutesPerWeek: 2400, abstractions: [], requests: [] },
    {
      id: 'o2', name: 'Beth Jones', rank: 'PS', skills: [], contractMinutesPerWeek: 2400, requests: [],
      abstractions: [{ kind: 'sick', start: '2025-11-05', end: '2025-11-07' }],
    },
    { id: 'o3', name: 'Cara Lee', rank: 'PCSO', skills: ['first-aid'], contractMinutesPerWeek: 2220, abstractions: [], requests: [] },
  ],
  shiftTypes: [
    { id: 'E', name: 'Early', start: '07:00', end: '15:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false, colour: '#2b6cb0' },
    { id: 'L', name: 'Late', start: '15:00', end: '23:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false, colour: '#f6e05e' },
    { id: 'N', name: 'Night', start: '22:00', end: '07:00', weekdays: [5, 6], night: true, colour: '#553c9a' },
  ],
  hotspots: [
    { id: 'hs', name: 'High Street', lat: 51.538, lon: 0.713, saturationOfficers: 2 },
    { id: 'ws', name: 'Warrior Square', lat: 51.539, lon: 0.716, saturationOfficers: 1 },
  ],
  forecast: { unit: 'CHI days', hotspots: [] },
  pins: [
    { officerId: 'o1', shiftId: 'E@2025-11-03', kind: 'on' },
    { officerId: 'o3', shiftId: 'L@2025-11-04', kind: 'off' },
  ],
};

export const record: ScenarioRecord = { id: 'sc1', version: 3, scenario, createdAt: '2025-10-01T00:00:00Z', updatedAt: '2025-10-02T00:00:00Z' };

export const coverage: CoverageRow[] = [
  { hotspotId: 'hs', shiftId: 'E@2025-11-03', officerHours: 2, expectedHarm: 4, coveredHarm: 3, unmetHarm: 1 },
  { hotspotId: 'hs', shiftId: 'L@2025-11-03', officerHours: 0, expectedHarm: 6, coveredHarm: 0, unmetHarm: 6 },
  { hotspotId: 'ws', shiftId: 'L@2025-11-03', officerHours: 1.5, expectedHarm: 2, coveredHarm: 2, unmetHarm: 0 },
];

export const findings: Finding[] = [
  {
    ruleId: 'harmCoverage', kind: 'soft', violation: false, hotspotId: 'hs', amount: 7, unit: 'CHI days unmet', penalty: 3,
    message: 'High Street: 3 of 10 CHI days of forecast harm covered (30 %), 7 unmet.',
  },
  {
    ruleId: 'minimumRest', kind: 'hard', violation: true, officerId: 'o1', shiftId: 'E@2025-11-04', date: '2025-11-04', amount: 8, unit: 'h rest',
    penalty: -1000, message: 'PC Amir Khan gets 8 h rest between Mon late and Tue early; the policy asks for 11 h.',
  },
  {
    ruleId: 'minimumCover', kind: 'hard', violation: false, shiftId: 'N@2025-11-07', amount: 1, unit: 'officers', penalty: 0,
    message: 'Fri 7 Nov Night has 1 sergeant on duty, as the policy asks.',
  },
];

export const rotaRecord: RotaRecord = {
  id: 'r2',
  scenarioId: 'sc1',
  scenarioVersion: 3,
  version: 1,
  status: 'draft',
  rota: {
    scenarioId: 'sc1',
    assignments: [
      { officerId: 'o1', shiftId: 'E@2025-11-03', pinned: true },
      { officerId: 'o1', shiftId: 'E@2025-11-04' },
      { officerId: 'o2', shiftId: 'L@2025-11-03' },
      { officerId: 'o3', shiftId: 'L@2025-11-05' },
      { officerId: 'o3', shiftId: 'N@2025-11-07' },
    ],
    deployments: [
      { hotspotId: 'hs', shiftId: 'E@2025-11-03', officerHours: 2 },
      { hotspotId: 'ws', shiftId: 'L@2025-11-03', officerHours: 1.5 },
    ],
  },
  evaluation: {
    findings, hardViolations: 1, objective: 42.5, objectiveByRule: {}, coverage, harmCovered: 5, harmTotal: 12,
  },
  solve: { status: 'feasible', objective: 42.5, bound: 45, gap: 0.055, seconds: 3, engine: 'highs' },
  parentRotaId: 'r1',
  diff: {
    added: [{ officerId: 'o3', shiftId: 'L@2025-11-05' }],
    removed: [{ officerId: 'o2', shiftId: 'L@2025-11-05' }],
  },
  createdAt: '2025-10-02T10:00:00Z',
};

export const whatIf: WhatIfResult = {
  curve: [
    { extraOfficers: 0, harmCovered: 100, unmetHarm: 60, overtimeCost: 12, objective: 90, gap: 0.01 },
    { extraOfficers: 1, harmCovered: 112, unmetHarm: 48, overtimeCost: 8, objective: 104, gap: 0.01 },
    { extraOfficers: 2, harmCovered: 120, unmetHarm: 40, overtimeCost: 5, objective: 114, gap: 0.02 },
    { extraOfficers: 3, harmCovered: 124, unmetHarm: 36, overtimeCost: 4, objective: 119, gap: null },
  ],
  marginal: [
    { shiftTypeId: 'E', hotspotId: 'ws', estimatedGain: 9, confirmedGain: 2.5 },
    { shiftTypeId: 'L', hotspotId: 'hs', estimatedGain: 7, confirmedGain: 8.25 },
    { shiftTypeId: 'N', estimatedGain: 4, confirmedGain: null },
  ],
  seconds: 5,
};

export function run(id: string, label: string, result: WhatIfResult = whatIf): WhatIfRun {
  return {
    id, label, scenarioId: 'sc1', scenarioName: 'Test town', scenario: { shiftTypes: scenario.shiftTypes, hotspots: scenario.hotspots },
    unit: 'CHI days', extraOfficers: 3, profile: { rank: 'PC', skills: [], contractMinutesPerWeek: 2400 }, result,
  };
}

export const runningJob: SolveJob = {
  id: 'j1', scenarioId: 'sc1', status: 'running', createdAt: '2025-10-02T10:00:00Z', rotaId: null, error: null, result: null,
  progress: { seconds: 4, objective: 40.25, bound: 50, gap: 0.195, fraction: 0.4, phase: 'branch and bound' },
};

type Handler = (init: { method: string; body: unknown; headers: Record<string, string> }) => { status: number; body?: unknown };

/** A fake API: `routes['POST /v1/…']` answers; every call is recorded. */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ method, path, body, headers });
    const handler = routes[`${method} ${path}`] ?? routes[`${method} ${path.split('?')[0]}`];
    const res = handler ? handler({ method, body, headers }) : { status: 404, body: { title: 'Not found', status: 404, code: 'not_found' } };
    const type = res.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(res.body === undefined ? null : JSON.stringify(res.body), { status: res.status, headers: { 'Content-Type': type } });
  }) as typeof fetch;
  return { impl, calls };
}
