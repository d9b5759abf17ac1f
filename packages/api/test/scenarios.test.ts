import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, smallScenario, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const create = (body: object) => t.http.post('/v1/scenarios').send(body);

describe('scenarios CRUD', () => {
  it('creates, lists, reads with ETag, replaces with If-Match and deletes', async () => {
    const created = await create({ ...smallScenario(), id: 'crud-1' }).expect(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe('/v1/scenarios/crud-1');
    expect(created.body).toMatchObject({ id: 'crud-1', version: 1, scenario: { id: 'crud-1', days: 7 } });

    const list = await t.http.get('/v1/scenarios').expect(200);
    expect(list.body.items.find((s: { id: string }) => s.id === 'crud-1')).toMatchObject({ version: 1, officerCount: 6, hotspotCount: 3, startDate: '2026-03-23' });

    const got = await t.http.get('/v1/scenarios/crud-1').expect(200);
    expect(got.headers.etag).toBe('"1"');

    const replaced = await t.http.put('/v1/scenarios/crud-1').set('If-Match', '"1"').send({ ...smallScenario(), id: undefined, name: 'Renamed' }).expect(200);
    expect(replaced.body).toMatchObject({ version: 2, scenario: { name: 'Renamed', id: 'crud-1' } });
    expect(replaced.headers.etag).toBe('"2"');

    expectProblem(await t.http.delete('/v1/scenarios/crud-1').set('If-Match', '"1"'), 412, 'precondition_failed');
    await t.http.delete('/v1/scenarios/crud-1').set('If-Match', '"2"').expect(204);
    expectProblem(await t.http.get('/v1/scenarios/crud-1'), 404, 'scenario_not_found');
  });

  it('assigns an id when none is given', async () => {
    const { id: _omit, ...rest } = smallScenario();
    const res = await create(rest).expect(201);
    expect(res.body.id).toMatch(/^sc_/);
    expect(res.body.scenario.id).toBe(res.body.id);
  });

  it('refuses a taken id with 409', async () => {
    await create({ ...smallScenario(), id: 'dup' }).expect(201);
    expectProblem(await create({ ...smallScenario(), id: 'dup' }), 409, 'scenario_exists');
  });

  it('needs If-Match to replace (428), rejects a stale one (412) and a body id that differs (400)', async () => {
    await create({ ...smallScenario(), id: 'im' }).expect(201);
    const same = { ...smallScenario(), id: 'im' };
    expectProblem(await t.http.put('/v1/scenarios/im').send(same), 428, 'if_match_required');
    expectProblem(await t.http.put('/v1/scenarios/im').set('If-Match', '"7"').send(same), 412, 'precondition_failed');
    expectProblem(await t.http.put('/v1/scenarios/im').set('If-Match', '"1"').send({ ...smallScenario(), id: 'other' }), 400, 'validation_failed');
    expectProblem(await t.http.put('/v1/scenarios/im').set('If-Match', 'yesterday').send(same), 400, 'validation_failed');
    await t.http.put('/v1/scenarios/im').set('If-Match', 'W/"1"').send(same).expect(200);
  });

  it('lets exactly one of two concurrent writers with the same If-Match win', async () => {
    await create({ ...smallScenario(), id: 'race' }).expect(201);
    const put = (name: string) => t.http.put('/v1/scenarios/race').set('If-Match', '"1"').send({ ...smallScenario(), id: 'race', name });
    const results = await Promise.all([put('A'), put('B')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const now = await t.http.get('/v1/scenarios/race').expect(200);
    expect(now.body).toMatchObject({ version: 2, scenario: { name: winner.body.scenario.name } });
  });

  it('marks an officer unavailable and bumps the version', async () => {
    await create({ ...smallScenario(), id: 'abs' }).expect(201);
    const res = await t.http.post('/v1/scenarios/abs/officers/sm-02/abstractions').send({ kind: 'sick', start: '2026-03-24', end: '2026-03-26' }).expect(200);
    expect(res.body.version).toBe(2);
    const officer = res.body.scenario.officers.find((o: { id: string }) => o.id === 'sm-02');
    expect(officer.abstractions).toContainEqual({ kind: 'sick', start: '2026-03-24', end: '2026-03-26' });
    expectProblem(await t.http.post('/v1/scenarios/abs/officers/nobody/abstractions').send({ kind: 'sick', start: '2026-03-24', end: '2026-03-26' }), 404, 'officer_not_found');
    expectProblem(await t.http.post('/v1/scenarios/abs/officers/sm-02/abstractions').send({ kind: 'sick', start: '2026-03-26', end: '2026-03-24' }), 400, 'validation_failed');
    expectProblem(await t.http.post('/v1/scenarios/abs/officers/sm-02/abstractions').send({ kind: 'holiday', start: 'soon', end: '2026-03-24' }), 400, 'validation_failed');
    expectProblem(await t.http.post('/v1/scenarios/abs/officers/sm-02/abstractions').set('If-Match', '"1"').send({ kind: 'sick', start: '2026-03-24', end: '2026-03-25' }), 412);
  });
});

describe('scenario validation names every bad field', () => {
  const issuesOf = async (body: object) => {
    const res = await create(body);
    expectProblem(res, 400, 'validation_failed');
    return (res.body.issues as { path: string; message: string }[]).map((i) => i.path);
  };

  it('reports shape errors with their paths', async () => {
    const s = smallScenario();
    const paths = await issuesOf({ ...s, days: 0, officers: [{ ...s.officers[0], rank: 'General' }], shiftTypes: [{ ...s.shiftTypes[0], start: '25:00' }] });
    expect(paths).toEqual(expect.arrayContaining(['days', 'officers.0.rank', 'shiftTypes.0.start']));
  });

  it('reports unknown fields, duplicate ids and dangling references', async () => {
    const s = smallScenario();
    expect(await issuesOf({ ...s, colour: 'blue' })).toContain('(root)');
    expect(await issuesOf({ ...s, officers: [s.officers[0], s.officers[0]] })).toContain('officers.1.id');
    expect(await issuesOf({ ...s, pins: [{ officerId: 'ghost', shiftId: 'Early@2026-03-23', kind: 'on' }] })).toContain('pins.0.officerId');
    expect(await issuesOf({ ...s, pins: [{ officerId: 'sm-01', shiftId: 'Early@2027-01-01', kind: 'on' }] })).toContain('pins.0.shiftId');
    expect(await issuesOf({ ...s, timezone: 'Mars/Olympus' })).toContain('timezone');
  });
});
