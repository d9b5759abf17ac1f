import type { ErrorRequestHandler, Response } from 'express';
import { z } from 'zod';
import { ApiError, type Issue } from '../errors.js';
import type { Logger } from '../log.js';
import type { ProblemBody } from '../schemas/common.js';

/** Stable problem codes and their meaning, listed on /docs (the `type` URIs point there). */
export const PROBLEM_CODES: Record<string, string> = {
  validation_failed: 'A body, query or path parameter failed its schema; `issues` lists every path and message.',
  malformed_json: 'The body is not valid JSON.',
  unsupported_media_type: 'The body must be application/json.',
  payload_too_large: 'The body exceeds the size limit (5 MB).',
  authentication_required: 'No credentials: send Authorization: Bearer <key>.',
  invalid_api_key: 'The key is unknown or revoked.',
  insufficient_scope: 'The key lacks the scope this operation needs.',
  precondition_failed: 'If-Match does not match the current version (someone else changed it).',
  if_match_required: 'This write needs If-Match with the version you read.',
  idempotency_key_reused: 'The Idempotency-Key was used with a different request.',
  idempotency_in_progress: 'A request with this Idempotency-Key is still being handled.',
  queue_full: 'Every solver thread is busy and the queue is full; see Retry-After.',
  rate_limited: 'Too many requests; see Retry-After.',
  scenario_not_found: 'No such scenario.',
  rota_not_found: 'No such rota.',
  job_not_found: 'No such job.',
  officer_not_found: 'No such officer in the scenario.',
  pin_not_found: 'No such pin on the scenario.',
  webhook_not_found: 'No such webhook for this key.',
  route_not_found: 'No such route.',
  scenario_exists: 'A scenario with this id exists; PUT to replace it.',
  scenario_busy: 'The scenario has a solve in progress; cancel it first.',
  job_not_active: 'The job has already ended.',
  rota_of_other_scenario: 'The base rota belongs to another scenario.',
  bad_request: 'The request could not be read.',
  internal_error: 'A bug on our side; the request may be retried.',
};

const title = (code: string) => code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Zod issues → problem issues: a dotted path (prefixed with where it came from) and a message. */
export function toIssues(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    return { path: prefix && path ? `${prefix}.${path}` : prefix || path || '(root)', message: i.message };
  });
}

export function validationError(error: z.ZodError, where: 'body' | 'query' | 'path'): ApiError {
  const issues = toIssues(error, where === 'body' ? '' : where);
  return new ApiError(400, 'validation_failed', `${issues.length} problem(s) in the request ${where}: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
}

export function sendProblem(res: Response, error: ApiError, instance?: string): void {
  const body: ProblemBody = {
    type: `/docs#problem-${error.code}`,
    title: title(error.code),
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.issues ? { issues: error.issues } : {}),
  };
  if (error.headers) res.set(error.headers);
  res.status(error.status).type('application/problem+json').send(JSON.stringify(body));
}

/** body-parser and other library errors carry `type`/`status`; bad input must never become a 500. */
function fromLibrary(err: { type?: string; status?: number; message?: string }): ApiError | null {
  if (err.type === 'entity.parse.failed') return new ApiError(400, 'malformed_json', `the body is not valid JSON: ${err.message}`);
  if (err.type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'the body exceeds the 5 MB limit');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return new ApiError(415, 'unsupported_media_type', err.message ?? 'unsupported encoding');
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) return new ApiError(err.status, 'bad_request', err.message ?? 'bad request');
  return null;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let problem: ApiError;
    if (err instanceof ApiError) problem = err;
    else if (err instanceof z.ZodError) problem = validationError(err, 'body');
    else {
      problem = fromLibrary(err as object) ?? new ApiError(500, 'internal_error', 'unexpected error; it has been logged');
      if (problem.status >= 500) log.error({ err, method: req.method, path: req.path }, 'unhandled error');
    }
    sendProblem(res, problem, req.originalUrl.split('?')[0]);
  };
}
