import { evaluate, type Assignment, type Scenario } from '@patrolplan/solver';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralise } from '../src/exports/csv.js';
import { expectProblem, smallScenario, startServer, type TestServer } from './helpers.js';

let t: TestServer;
let scenario: Scenario;

/** Store a rota directly (no solver): exports are about formatting, not optimisation. */
function storeRota(assignments: Assignment[], parentRotaId: string | null = null): string {
  const rota = { scenarioId: scenario.id, assignments, deployments: [{ hotspotId: 'high-street', shiftId: 'Early@2026-03-23', officerHours: 2 }] };
  const evaluation = evaluate(scenario, rota);
  const solve = { status: 'feasible' as const, objective: evaluation.objective, bound: null, gap: null, seconds: 0, engine: 'highs' as const };
  return t.api.store.rotas.create({ scenarioId: scenario.id, scenarioVersion: 1, rota, evaluation, solve, parentRotaId, diff: null }).id;
}

beforeAll(async () => {
  t = await startServer();
  const base = smallScenario();
  base.officers[0] = { ...base.officers[0], name: '=HYPERLINK("http://evil")', team: '@team' };
  base.officers[1] = { ...base.officers[1], name: '+44 Smith', team: '-Night' };
  scenario = (await t.http.post('/v1/scenarios').send({ ...base, id: 'exp' }).expect(201)).body.scenario;
});
afterAll(() => t.close());

const a = (officerId: string, shiftId: string): Assignment => ({ officerId, shiftId });

describe('CSV exports', () => {
  it('neutralises formula-like cells', () => {
    expect(['=1+1', '+1', '-1', '@x', '\tx', 'ok', ''].map(neutralise)).toEqual(["'=1+1", "'+1", "'-1", "'@x", "'\tx", 'ok', '']);
  });

  it('exports the rota, hours per officer and patrol hours per hotspot', async () => {
    const id = storeRota([a('sm-01', 'Early@2026-03-23'), a('sm-02', 'Late@2026-03-29'), a('sm-01', 'Late@2026-03-28')]);
    const rota = await t.http.get(`/v1/rotas/${id}/export.csv`).expect(200);
    expect(rota.headers['content-type']).toMatch(/^text\/csv/);
    expect(rota.headers['content-disposition']).toContain(`${id}-rota.csv`);
    const rows = parse(rota.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.shift_id)).toEqual(['Early@2026-03-23', 'Late@2026-03-28', 'Late@2026-03-29']);
    expect(rows[0]).toMatchObject({ officer_id: 'sm-01', officer_name: `'=HYPERLINK("http://evil")`, team: "'@team", start: '2026-03-23 07:00', end: '2026-03-23 15:00', paid_hours: '8' });
    expect(rows[2]).toMatchObject({ officer_name: "'+44 Smith", team: "'-Night", start: '2026-03-29 14:00' });

    const hours = parse((await t.http.get(`/v1/rotas/${id}/export.csv?view=hours`).expect(200)).text, { columns: true }) as Record<string, string>[];
    expect(hours).toHaveLength(6);
    expect(hours[0]).toMatchObject({ officer_id: 'sm-01', shifts: '2', paid_hours: '16', weekend_shifts: '1', contract_hours: '40', difference_hours: '-24' });

    const spots = parse((await t.http.get(`/v1/rotas/${id}/export.csv?view=hotspots`).expect(200)).text, { columns: true }) as Record<string, string>[];
    expect(spots[0]).toMatchObject({ hotspot_id: 'high-street', hotspot_name: 'High Street', shift_id: 'Early@2026-03-23', patrol_hours: '2' });
    expect(Number(spots[0].expected_harm)).toBeGreaterThan(0);
  });

  it('404s an unknown rota', async () => {
    expectProblem(await t.http.get('/v1/rotas/rota_nope/export.csv'), 404, 'rota_not_found');
  });
});

describe('iCalendar duties feed', () => {
  const events = (ics: string) =>
    ics.split('BEGIN:VEVENT').slice(1).map((block) => Object.fromEntries(block.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)])));

  it('gives stable UIDs, bumps SEQUENCE on change and cancels removed duties', async () => {
    const v1 = storeRota([a('sm-03', 'Early@2026-03-23'), a('sm-03', 'Early@2026-03-24'), a('sm-04', 'Early@2026-03-24')]);
    const v2 = storeRota([a('sm-03', 'Early@2026-03-23'), a('sm-03', 'Late@2026-03-29')], v1);
    const v3 = storeRota([a('sm-03', 'Early@2026-03-23'), a('sm-03', 'Early@2026-03-24'), a('sm-03', 'Late@2026-03-29')], v2);

    const first = await t.http.get(`/v1/officers/sm-03/duties.ics?rota=${v1}`).expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/calendar/);
    expect(first.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    expect(events(first.text).map((e) => [e.UID, e.SEQUENCE, e.STATUS])).toEqual([
      ['sm-03/Early/2026-03-23@patrolplan', '0', 'CONFIRMED'],
      ['sm-03/Early/2026-03-24@patrolplan', '0', 'CONFIRMED'],
    ]);

    const second = events((await t.http.get(`/v1/officers/sm-03/duties.ics?rota=${v2}`).expect(200)).text);
    expect(second.map((e) => [e.UID, e.SEQUENCE, e.STATUS])).toEqual([
      ['sm-03/Early/2026-03-23@patrolplan', '0', 'CONFIRMED'],
      ['sm-03/Early/2026-03-24@patrolplan', '1', 'CANCELLED'],
      ['sm-03/Late/2026-03-29@patrolplan', '0', 'CONFIRMED'],
    ]);
    // 29 March 2026 is the spring clock change: 14:00 local is BST, written with its TZID.
    expect(second[2]['DTSTART;TZID=Europe/London']).toBe('20260329T140000');
    expect(second[2].DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);

    const third = events((await t.http.get(`/v1/officers/sm-03/duties.ics?rota=${v3}`).expect(200)).text);
    expect(third.map((e) => [e.UID, e.SEQUENCE, e.STATUS])).toContainEqual(['sm-03/Early/2026-03-24@patrolplan', '2', 'CONFIRMED']);
  });

  it('404s an officer outside the scenario and requires ?rota', async () => {
    const id = storeRota([a('sm-03', 'Early@2026-03-23')]);
    expectProblem(await t.http.get(`/v1/officers/ghost/duties.ics?rota=${id}`), 404, 'officer_not_found');
    expectProblem(await t.http.get('/v1/officers/sm-03/duties.ics?rota=rota_nope'), 404, 'rota_not_found');
    expectProblem(await t.http.get('/v1/officers/sm-03/duties.ics'), 400, 'validation_failed');
  });
});
