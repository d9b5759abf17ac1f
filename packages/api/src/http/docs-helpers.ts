import { Problem } from '../schemas/common.js';
import type { ResponseDoc } from './route.js';

/** A documented problem response. */
export const problem = (description: string): ResponseDoc => ({ description, schema: Problem, contentType: 'application/problem+json' });

export const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', description: 'Retry-safe POST: the same key and body replay the first response.' };
