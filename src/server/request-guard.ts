// Cross-site request refusal (decision 0901). A state-changing request that a
// browser sends from another site (or another port of this host) carries that
// site's Origin, or at least its Referer: it is refused before authentication,
// so a logged-in user's cookie cannot be ridden. Requests with neither header
// come from programs, not from a page a user was lured to, and pass.
// Bodies must be JSON (or a file upload on the routes that take one): a plain
// HTML form can send neither application/json nor a CORS-free custom header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { closeUnreadBody } from './auth/plugin.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin (scheme://host[:port]) a request says it comes from; null when it names none it can prove. */
export function requestSource(headers: { origin?: string; referer?: string }): string | null | undefined {
  if (headers.origin !== undefined) return headers.origin === 'null' ? null : headers.origin;
  if (headers.referer !== undefined) {
    try {
      return new URL(headers.referer).origin;
    } catch {
      return null;
    }
  }
  return undefined;
}

/** True when `source` is this app as the request reached it, or one of the configured public origins. */
export function isOwnOrigin(source: string, requestHost: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (allowedOrigins.includes(url.origin)) return true;
  // The Host header as the browser would write it for that scheme (no :80 on http, no :443 on https).
  let own: string;
  try {
    own = new URL(`${url.protocol}//${requestHost}`).host;
  } catch {
    return false;
  }
  return url.host === own;
}

function takesFiles(req: FastifyRequest): boolean {
  const consumes = (req.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
  return consumes?.includes('multipart/form-data') ?? false;
}

export function registerRequestGuard(app: FastifyInstance, opts: { allowedOrigins?: readonly string[] } = {}) {
  const allowed = (opts.allowedOrigins ?? []).map((o) => new URL(o).origin);
  app.addHook('onRequest', async (req, reply) => {
    if (!STATE_CHANGING.has(req.method)) return;
    const source = requestSource(req.headers as { origin?: string; referer?: string });
    if (source === null || (source !== undefined && !isOwnOrigin(source, req.host, allowed))) {
      closeUnreadBody(req, reply);
      throw new AppError('cross_site_request');
    }
    const type = req.headers['content-type'];
    if (type === undefined) return;
    const mediaType = type.split(';')[0]!.trim().toLowerCase();
    if (mediaType === 'application/json') return;
    if (mediaType === 'multipart/form-data' && takesFiles(req)) return;
    closeUnreadBody(req, reply);
    throw new AppError('unsupported_media_type');
  });
}
