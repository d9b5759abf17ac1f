import { ApiError } from '../errors.js';

/** The strong ETag of a versioned resource. */
export const etag = (version: number) => `"${version}"`;

/**
 * The version an If-Match asks for: `"3"`, `W/"3"` or `3`; `*` or absent → null (any version).
 * Anything else is a client error, not a silent overwrite.
 */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new ApiError(400, 'validation_failed', 'If-Match must be the ETag you read, e.g. "3"', [{ path: 'header.If-Match', message: 'must be an ETag such as "3"' }]);
  return Number(match[1]);
}
