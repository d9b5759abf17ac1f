import { expandShifts, type Pin, type Scenario } from '@patrolplan/solver';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { IDEMPOTENCY_HEADER, problem } from '../http/docs-helpers.js';
import { etag } from '../http/etag.js';
import { operation, type Operation } from '../http/route.js';
import { Id } from '../schemas/common.js';
import { PinInput, PinList, PinRef, RotaList, RotaRecord, toRotaRecord, toRotaSummary } from '../schemas/rota.js';
import { ResolveRequest, SolveJob, toSolveJob } from '../schemas/solve.js';

const RotaPath = z.strictObject({ rotaId: Id });
const sameSlot = (a: { officerId: string; shiftId: string }, b: { officerId: string; shiftId: string }) => a.officerId === b.officerId && a.shiftId === b.shiftId;

export function rotaRoutes({ store, jobs, webhooks, log }: AppContext): Operation[] {
  /** Pins live on the rota's scenario (a new scenario version), so every later solve keeps them. */
  const changePins = (rotaId: string, change: (pins: Pin[], scenario: Scenario) => Pin[]) => {
    const rota = store.rotas.get(rotaId);
    const row = store.scenarios.update(rota.scenario_id, null, (s) => ({ ...s, pins: change(s.pins ?? [], s) }));
    const pins = (JSON.parse(row.body) as { pins?: Pin[] }).pins ?? [];
    log.info({ rotaId, scenarioId: row.id, pins: pins.length }, 'pins changed');
    return { body: { pins, scenarioVersion: row.version }, headers: { ETag: etag(row.version) } };
  };

  return [
    operation({
      method: 'get', path: '/v1/scenarios/{id}/rotas', operationId: 'listRotas', tag: 'Rotas', scope: 'read',
      summary: "A scenario's rotas, newest first",
      params: z.strictObject({ id: Id }),
      responses: { 200: { description: 'Rota summaries.', schema: RotaList }, 404: problem('No such scenario.') },
      handler: ({ params }) => {
        store.scenarios.get(params.id);
        return { body: { items: store.rotas.listForScenario(params.id).map(toRotaSummary) } };
      },
    }),
    operation({
      method: 'get', path: '/v1/rotas/{rotaId}', operationId: 'getRota', tag: 'Rotas', scope: 'read',
      summary: 'A rota: assignments, coverage per hotspot and shift, findings, objective by rule',
      params: RotaPath,
      responses: { 200: { description: 'The rota.', schema: RotaRecord }, 404: problem('No such rota.') },
      handler: ({ params }) => ({ body: toRotaRecord(store.rotas.get(params.rotaId)) }),
    }),
    operation({
      method: 'post', path: '/v1/rotas/{rotaId}/pins', operationId: 'pin', tag: 'Rotas', scope: 'plan',
      summary: 'Pin an officer on (or off) a shift',
      description: "Writes the pin into the rota's scenario (new scenario version); re-solve to apply it.",
      params: RotaPath,
      body: PinInput,
      responses: { 200: { description: "The scenario's pins.", schema: PinList }, 400: problem('Unknown officer or shift.') },
      handler: ({ params, body }) =>
        changePins(params.rotaId, (pins, s) => {
          const issues = [];
          if (!s.officers.some((o) => o.id === body.officerId)) issues.push({ path: 'officerId', message: `unknown officer "${body.officerId}"` });
          if (!expandShifts(s).some((x) => x.id === body.shiftId)) issues.push({ path: 'shiftId', message: `no shift "${body.shiftId}" in the horizon` });
          if (issues.length) throw new ApiError(400, 'validation_failed', issues.map((i) => i.message).join('; '), issues);
          return [...pins.filter((p) => !sameSlot(p, body)), body];
        }),
    }),
    operation({
      method: 'delete', path: '/v1/rotas/{rotaId}/pins', operationId: 'unpin', tag: 'Rotas', scope: 'plan',
      summary: 'Remove a pin',
      params: RotaPath,
      body: PinRef,
      responses: { 200: { description: "The scenario's pins.", schema: PinList }, 404: problem('No such pin.') },
      handler: ({ params, body }) =>
        changePins(params.rotaId, (pins) => {
          if (!pins.some((p) => sameSlot(p, body))) throw notFound('pin', `${body.officerId}@${body.shiftId}`);
          return pins.filter((p) => !sameSlot(p, body));
        }),
    }),
    operation({
      method: 'post', path: '/v1/rotas/{rotaId}/resolve', operationId: 'resolve', tag: 'Rotas', scope: 'plan',
      summary: 'Re-solve keeping pins and minimising changes',
      description: "Solves the scenario's current version with this rota's assignments as `previousAssignments` (each change costs the disruption penalty). The new rota has `parentRotaId` and `diff`.",
      params: RotaPath,
      body: ResolveRequest.optional(),
      headers: [IDEMPOTENCY_HEADER],
      responses: { 202: { description: 'Queued.', schema: SolveJob }, 429: problem('Solver queue full; see Retry-After.') },
      handler: ({ params, body, principal }) => {
        const rota = store.rotas.get(params.rotaId);
        const job = jobs.start({ kind: 'resolve', scenarioId: rota.scenario_id, principal: principal.id, parentRotaId: rota.id, options: { engine: body?.engine, timeLimitSeconds: body?.timeLimitSeconds } });
        return { status: 202, body: toSolveJob(job), headers: { Location: `/v1/solves/${job.id}` } };
      },
    }),
    operation({
      method: 'post', path: '/v1/rotas/{rotaId}/publish', operationId: 'publish', tag: 'Rotas', scope: 'publish',
      summary: 'Publish a rota (it becomes immutable)',
      params: RotaPath,
      headers: [IDEMPOTENCY_HEADER],
      responses: { 200: { description: 'The published rota (publishing twice is harmless).', schema: RotaRecord }, 404: problem('No such rota.') },
      handler: ({ params }) => {
        const { row, published } = store.rotas.publish(params.rotaId);
        const record = toRotaRecord(row);
        if (published) {
          log.info({ rotaId: row.id, scenarioId: row.scenario_id }, 'rota published');
          webhooks.emit('rota.published', { rota: toRotaSummary(row) });
        }
        return { body: record };
      },
    }),
  ];
}
