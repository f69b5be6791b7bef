// One error shape for every failure: {statusCode, code, error, message, details?}.
// 4xx say what the client must fix; 5xx are logged in full and answered generically.
import type { FastifyError, FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { HttpError } from '../lib/errors.ts';

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      return reply
        .status(err.statusCode)
        .send(body(err.statusCode, err.code, err.message, err.details));
    }
    if (err.validation) {
      const ctx = err.validationContext ?? 'request';
      const details = err.validation.map((v) => ({
        path: `${ctx}${v.instancePath || ''}${v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : ''}`,
        message: v.message ?? 'is not valid',
      }));
      const message = details.map((d) => `${d.path} ${d.message}`).join('; ');
      return reply.status(400).send(body(400, 'validation_failed', message, details));
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply
        .status(status)
        .send(body(status, 'internal_error', 'Something went wrong on the server; it was logged'));
    }
    const code = status === 429 ? 'rate_limited' : (err.code?.toLowerCase() ?? 'error');
    return reply.status(status).send(body(status, code, err.message));
  });
}

/** Unknown API routes get a JSON 404; with the PWA served, other GETs get its index.html. */
export function installNotFound(app: FastifyInstance, spa: boolean) {
  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    return reply
      .status(404)
      .send(body(404, 'not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}

const body = (statusCode: number, code: string, message: string, details?: unknown) => ({
  statusCode,
  code,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(details ? { details } : {}),
});
