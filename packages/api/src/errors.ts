/** One failed check, as listed in a problem document. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * An error with a stable machine-readable `code`; the error handler turns it into an RFC 9457
 * problem document. Thrown from anywhere (stores, jobs, routes) so checks stay next to the data.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, `${what}_not_found`, `${what.replace('_', ' ')} "${id}" does not exist`);

export const conflict = (code: string, message: string) => new ApiError(409, code, message);

export const stale = (current: number) =>
  new ApiError(412, 'precondition_failed', `If-Match does not match the current version ${current}; fetch it again and re-apply your change`);
