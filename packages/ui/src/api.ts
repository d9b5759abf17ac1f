/** Thin typed client for the patrolplan HTTP API (docs/api-contract.md). Same origin; no state. */
import type {
  AbstractionKind,
  OfficerProfile,
  PinsResponse,
  Problem,
  RotaRecord,
  RotaSummary,
  Scenario,
  ScenarioRecord,
  ScenarioSummary,
  SolveJob,
  WhatIfResult,
} from './types.js';

/** An HTTP error carrying the API's problem+json body. */
export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

let fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args);
/** Tests swap the transport. */
export function setFetch(impl: typeof fetch): void {
  fetchImpl = impl;
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetchImpl(path, init);
  } catch (err) {
    throw new ApiError({ title: 'The API cannot be reached', status: 0, detail: String((err as Error).message ?? err) });
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!res.ok) {
    const problem = (parsed && typeof parsed === 'object' ? parsed : { detail: text }) as Partial<Problem>;
    throw new ApiError({ ...problem, title: problem.title ?? res.statusText ?? 'Request failed', status: res.status });
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

const enc = encodeURIComponent;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const api = {
  listScenarios: async () => (await call<{ items: ScenarioSummary[] }>('GET', '/v1/scenarios')).body.items,
  getScenario: async (id: string) => (await call<ScenarioRecord>('GET', `/v1/scenarios/${enc(id)}`)).body,
  createScenario: async (scenario: Omit<Scenario, 'id'> & { id?: string }) =>
    (await call<ScenarioRecord>('POST', '/v1/scenarios', scenario)).body,
  updateScenario: async (id: string, scenario: Scenario, version: number) =>
    (await call<ScenarioRecord>('PUT', `/v1/scenarios/${enc(id)}`, scenario, ifMatch(version))).body,
  deleteScenario: async (id: string) => {
    await call<void>('DELETE', `/v1/scenarios/${enc(id)}`);
  },
  addAbstraction: async (scenarioId: string, officerId: string, a: { kind: AbstractionKind; start: string; end: string }) =>
    (await call<ScenarioRecord>('POST', `/v1/scenarios/${enc(scenarioId)}/officers/${enc(officerId)}/abstractions`, a)).body,

  startSolve: async (scenarioId: string, opts: { timeLimitSeconds?: number; baseRotaId?: string } = {}) =>
    (await call<SolveJob>('POST', `/v1/scenarios/${enc(scenarioId)}/solves`, opts)).body,
  getJob: async (jobId: string) => (await call<SolveJob>('GET', `/v1/solves/${enc(jobId)}`)).body,
  cancelJob: async (jobId: string) => (await call<SolveJob>('DELETE', `/v1/solves/${enc(jobId)}`)).body,

  listRotas: async (scenarioId: string) => (await call<{ items: RotaSummary[] }>('GET', `/v1/scenarios/${enc(scenarioId)}/rotas`)).body.items,
  getRota: async (rotaId: string) => (await call<RotaRecord>('GET', `/v1/rotas/${enc(rotaId)}`)).body,
  pin: async (rotaId: string, pin: { officerId: string; shiftId: string; kind: 'on' | 'off' }) =>
    (await call<PinsResponse>('POST', `/v1/rotas/${enc(rotaId)}/pins`, pin)).body.pins,
  unpin: async (rotaId: string, pin: { officerId: string; shiftId: string }) =>
    (await call<PinsResponse>('DELETE', `/v1/rotas/${enc(rotaId)}/pins`, pin)).body.pins,
  resolve: async (rotaId: string, opts: { timeLimitSeconds?: number } = {}) =>
    (await call<SolveJob>('POST', `/v1/rotas/${enc(rotaId)}/resolve`, opts)).body,
  publish: async (rotaId: string) => (await call<RotaRecord>('POST', `/v1/rotas/${enc(rotaId)}/publish`)).body,

  /** A what-if answers at once (200) for small n, or as a job (202) to poll. */
  whatIf: async (scenarioId: string, body: { extraOfficers: number; profile: OfficerProfile; timeLimitSeconds?: number }) => {
    const res = await call<WhatIfResult | (SolveJob & { whatIf?: WhatIfResult })>('POST', `/v1/scenarios/${enc(scenarioId)}/what-if`, body);
    return res.status === 202 ? { job: res.body as SolveJob } : { result: res.body as WhatIfResult };
  },

  exportCsvUrl: (rotaId: string, view: 'rota' | 'hours' | 'hotspots' = 'rota') => `/v1/rotas/${enc(rotaId)}/export.csv?view=${view}`,
  icsUrl: (officerId: string, rotaId: string) => `/v1/officers/${enc(officerId)}/duties.ics?rota=${enc(rotaId)}`,
};

/** The what-if result carried by a completed what-if job, wherever the API puts it. */
export function whatIfFromJob(job: SolveJob): WhatIfResult | null {
  const j = job as unknown as Record<string, unknown>;
  for (const candidate of [j.whatIf, j.result, (j.result as Record<string, unknown> | null)?.whatIf]) {
    if (candidate && typeof candidate === 'object' && Array.isArray((candidate as WhatIfResult).curve)) return candidate as WhatIfResult;
  }
  return null;
}

export type Api = typeof api;
