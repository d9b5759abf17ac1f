import type { z } from 'zod';
import type * as R from './schemas/rota.js';
import type * as S from './schemas/scenario.js';
import type * as J from './schemas/solve.js';
import type * as W from './schemas/webhook.js';
import type { Problem as ProblemSchema } from './schemas/common.js';

/** Response and request bodies of the v1 API, inferred from the schemas that validate them. */

/** An RFC 9457 problem document. */
export type Problem = z.infer<typeof ProblemSchema>;
/** A stored scenario with its version. */
export type ScenarioRecord = z.infer<typeof S.ScenarioRecord>;
/** One row of the scenario list. */
export type ScenarioSummary = z.infer<typeof S.ScenarioSummary>;
/** Body of POST/PUT /v1/scenarios. */
export type ScenarioInput = z.input<typeof S.ScenarioInput>;
/** A stored rota with its evaluation. */
export type RotaRecord = z.infer<typeof R.RotaRecord>;
/** One row of a rota list. */
export type RotaSummary = z.infer<typeof R.RotaSummary>;
/** Assignments added and removed against the parent rota. */
export type RotaDiff = z.infer<typeof R.RotaDiff>;
/** A scenario's pins after a change. */
export type PinList = z.infer<typeof R.PinList>;
/** A solve, re-solve or what-if job. */
export type SolveJob = z.infer<typeof J.SolveJob>;
/** Body of POST /v1/scenarios/{id}/solves. */
export type SolveRequest = z.input<typeof J.SolveRequest>;
/** Body of POST /v1/scenarios/{id}/what-if. */
export type WhatIfRequest = z.input<typeof J.WhatIfRequest>;
/** A webhook (without its secret). */
export type Webhook = z.infer<typeof W.Webhook>;
/** A new webhook with its secret. */
export type WebhookCreated = z.infer<typeof W.WebhookCreated>;
