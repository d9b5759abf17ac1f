import { parseInstant } from '@patrolplan/solver';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { etag, parseIfMatch } from '../http/etag.js';
import { validationError } from '../http/problem.js';
import { operation, type Operation } from '../http/route.js';
import { newId } from '../ids.js';
import { Id } from '../schemas/common.js';
import { Abstraction } from '../schemas/domain.js';
import { Scenario, ScenarioInput, ScenarioList, ScenarioRecord, toDomainScenario, toScenarioRecord, toScenarioSummary, type ScenarioRow } from '../schemas/scenario.js';

const ScenarioPath = z.strictObject({ id: Id });
const IfMatch = { name: 'If-Match', description: 'The ETag you read ("<version>"); a stale one gets 412.' };
const withEtag = (row: ScenarioRow, status = 200) => ({ status, body: toScenarioRecord(row), headers: { ETag: etag(row.version) } });
import { IDEMPOTENCY_HEADER, problem } from '../http/docs-helpers.js';

/** Re-check a scenario built by the server (e.g. with a new abstraction) against the full schema. */
function checked(scenario: unknown): z.infer<typeof Scenario> {
  const result = Scenario.safeParse(scenario);
  if (!result.success) throw validationError(result.error, 'body');
  return result.data;
}

export function scenarioRoutes({ store, log }: AppContext): Operation[] {
  return [
    operation({
      method: 'get', path: '/v1/scenarios', operationId: 'listScenarios', tag: 'Scenarios', scope: 'read',
      summary: 'List scenarios',
      responses: { 200: { description: 'Scenario summaries, most recently updated first.', schema: ScenarioList } },
      handler: () => ({ body: { items: store.scenarios.list().map(toScenarioSummary) } }),
    }),
    operation({
      method: 'post', path: '/v1/scenarios', operationId: 'createScenario', tag: 'Scenarios', scope: 'plan',
      summary: 'Create a scenario',
      body: ScenarioInput,
      headers: [IDEMPOTENCY_HEADER],
      responses: { 201: { description: 'Created (version 1).', schema: ScenarioRecord }, 400: problem('Invalid scenario.'), 409: problem('The id is taken.') },
      handler: ({ body }) => {
        const row = store.scenarios.create(toDomainScenario(body, body.id ?? newId('sc')));
        log.info({ scenarioId: row.id, officers: body.officers.length, hotspots: body.hotspots.length }, 'scenario created');
        const reply = withEtag(row, 201);
        return { ...reply, headers: { ...reply.headers, Location: `/v1/scenarios/${row.id}` } };
      },
    }),
    operation({
      method: 'get', path: '/v1/scenarios/{id}', operationId: 'getScenario', tag: 'Scenarios', scope: 'read',
      summary: 'Get a scenario',
      params: ScenarioPath,
      responses: { 200: { description: 'The scenario; ETag carries its version.', schema: ScenarioRecord }, 404: problem('No such scenario.') },
      handler: ({ params }) => withEtag(store.scenarios.get(params.id)),
    }),
    operation({
      method: 'put', path: '/v1/scenarios/{id}', operationId: 'replaceScenario', tag: 'Scenarios', scope: 'plan',
      summary: 'Replace a scenario (If-Match required)',
      params: ScenarioPath,
      body: ScenarioInput,
      headers: [{ ...IfMatch, required: true }],
      responses: {
        200: { description: 'Replaced; version + 1.', schema: ScenarioRecord },
        412: problem('If-Match is stale: someone else changed the scenario.'),
        428: problem('If-Match is missing.'),
      },
      handler: ({ params, body, req }) => {
        const header = req.get('if-match');
        if (header === undefined) throw new ApiError(428, 'if_match_required', 'send If-Match with the ETag you read so a concurrent change is never overwritten');
        if (body.id !== undefined && body.id !== params.id) throw new ApiError(400, 'validation_failed', 'the body id differs from the path', [{ path: 'id', message: `must be "${params.id}" or absent` }]);
        const row = store.scenarios.update(params.id, parseIfMatch(header), () => toDomainScenario(body, params.id));
        log.info({ scenarioId: row.id, version: row.version }, 'scenario replaced');
        return withEtag(row);
      },
    }),
    operation({
      method: 'delete', path: '/v1/scenarios/{id}', operationId: 'deleteScenario', tag: 'Scenarios', scope: 'plan',
      summary: 'Delete a scenario with its rotas',
      params: ScenarioPath,
      headers: [IfMatch],
      responses: { 204: { description: 'Deleted.' }, 409: problem('A solve is in progress.'), 412: problem('If-Match is stale.') },
      handler: ({ params, req }) => {
        store.scenarios.delete(params.id, parseIfMatch(req.get('if-match')));
        log.info({ scenarioId: params.id }, 'scenario deleted');
        return { status: 204 };
      },
    }),
    operation({
      method: 'post', path: '/v1/scenarios/{id}/officers/{officerId}/abstractions', operationId: 'addAbstraction', tag: 'Scenarios', scope: 'plan',
      summary: 'Mark an officer unavailable (leave, course, court, sick)',
      description: 'Adds an abstraction to the officer and bumps the scenario version. Re-solve a rota to act on it.',
      params: z.strictObject({ id: Id, officerId: Id }),
      body: Abstraction,
      headers: [IfMatch],
      responses: { 200: { description: 'The updated scenario.', schema: ScenarioRecord }, 404: problem('No such scenario or officer.') },
      handler: ({ params, body, req }) => {
        const row = store.scenarios.update(params.id, parseIfMatch(req.get('if-match')), (current) => {
          if (!current.officers.some((o) => o.id === params.officerId)) throw notFound('officer', params.officerId);
          if (parseInstant(body.end, current.timezone) <= parseInstant(body.start, current.timezone)) {
            throw new ApiError(400, 'validation_failed', 'end must be after start', [{ path: 'end', message: 'must be after start' }]);
          }
          const officers = current.officers.map((o) => (o.id === params.officerId ? { ...o, abstractions: [...o.abstractions, body] } : o));
          return checked({ ...current, officers });
        });
        log.info({ scenarioId: row.id, officerId: params.officerId, kind: body.kind }, 'officer marked unavailable');
        return withEtag(row);
      },
    }),
  ];
}
