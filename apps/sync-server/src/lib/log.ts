// Request logs never carry credentials: a stream's ?access_token= is cut from the logged URL.
import type { FastifyServerOptions } from 'fastify';

const TOKEN_IN_QUERY = /([?&](?:access_token|refresh_token|token)=)[^&#]*/gi;

export const redactUrl = (url: string) => url.replace(TOKEN_IN_QUERY, '$1[redacted]');

interface LoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
}

/** The request serializer Fastify would use, with the URL redacted. */
const serializeRequest = (req: LoggedRequest) => ({
  method: req.method,
  url: redactUrl(req.url),
  host: req.hostname,
  remoteAddress: req.ip,
});

export function withRedaction(
  logger: FastifyServerOptions['logger'],
): FastifyServerOptions['logger'] {
  if (!logger || logger === true)
    return logger ? { serializers: { req: serializeRequest } } : false;
  return { ...logger, serializers: { ...logger.serializers, req: serializeRequest } };
}
