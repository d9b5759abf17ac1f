import { z } from 'zod';
import type { AppContext } from '../context.js';
import { IDEMPOTENCY_HEADER, problem } from '../http/docs-helpers.js';
import { operation, type Operation } from '../http/route.js';
import { Id } from '../schemas/common.js';
import { SolveJob, SolveRequest, toSolveJob, WhatIfRequest } from '../schemas/solve.js';
import type { JobRow } from '../schemas/solve.js';

const accepted = (job: JobRow) => ({ status: 202, body: toSolveJob(job), headers: { Location: `/v1/solves/${job.id}` } });
const JobPath = z.strictObject({ jobId: Id });

export function solveRoutes({ jobs, store }: AppContext): Operation[] {
  return [
    operation({
      method: 'post', path: '/v1/scenarios/{id}/solves', operationId: 'startSolve', tag: 'Solves', scope: 'plan',
      summary: 'Start a solve job',
      description: 'Runs in a solver thread; poll the Location. With `baseRotaId` the new rota records its diff against that rota.',
      params: z.strictObject({ id: Id }),
      body: SolveRequest,
      headers: [IDEMPOTENCY_HEADER],
      responses: { 202: { description: 'Queued.', schema: SolveJob }, 404: problem('No such scenario or base rota.'), 429: problem('Solver queue full; see Retry-After.') },
      handler: ({ params, body, principal }) =>
        accepted(
          jobs.start({
            kind: 'solve', scenarioId: params.id, principal: principal.id, parentRotaId: body.baseRotaId ?? null,
            options: { engine: body.engine, timeLimitSeconds: body.timeLimitSeconds },
          }),
        ),
    }),
    operation({
      method: 'get', path: '/v1/solves/{jobId}', operationId: 'getSolve', tag: 'Solves', scope: 'read',
      summary: 'Job status, progress, best objective so far, bound and gap',
      params: JobPath,
      responses: { 200: { description: 'The job.', schema: SolveJob }, 404: problem('No such job.') },
      handler: ({ params }) => ({ body: toSolveJob(store.jobs.get(params.jobId)) }),
    }),
    operation({
      method: 'delete', path: '/v1/solves/{jobId}', operationId: 'cancelSolve', tag: 'Solves', scope: 'plan',
      summary: 'Cancel a job, keeping the best rota found so far',
      description: 'Waits until the solver has stopped; the job ends `cancelled` with `rotaId` when a rota was found.',
      params: JobPath,
      responses: { 200: { description: 'The cancelled job.', schema: SolveJob }, 409: problem('The job has already ended.') },
      handler: async ({ params }) => ({ body: toSolveJob(await jobs.cancel(params.jobId)) }),
    }),
    operation({
      method: 'post', path: '/v1/scenarios/{id}/what-if', operationId: 'startWhatIf', tag: 'Solves', scope: 'plan',
      summary: 'What N extra officers buy (async job)',
      description: 'Always 202: poll the job; when completed its `whatIf` holds the curve and marginal values.',
      params: z.strictObject({ id: Id }),
      body: WhatIfRequest,
      headers: [IDEMPOTENCY_HEADER],
      responses: { 202: { description: 'Queued.', schema: SolveJob }, 429: problem('Solver queue full; see Retry-After.') },
      handler: ({ params, body, principal }) => accepted(jobs.start({ kind: 'whatIf', scenarioId: params.id, principal: principal.id, options: body })),
    }),
  ];
}
