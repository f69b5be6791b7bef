// Errors a client can act on: an HTTP status, a stable code, and a sentence for a person.
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: { path: string; message: string }[]) =>
  new HttpError(400, 'validation_failed', message, details);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found`);
export const conflict = (message: string, code = 'conflict') => new HttpError(409, code, message);
