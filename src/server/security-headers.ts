// Security headers on every response (decision 0900): a Content-Security-Policy
// as the second layer behind rendering user text as text, nosniff, no framing,
// no referrer to other sites.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The CSP source of a Leaflet tile URL template: its scheme and host, with a
 * `{s}` subdomain placeholder turned into a wildcard label. Empty when unset.
 */
export function tileSource(tileUrl: string): string[] {
  const m = /^(https?:)\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return [];
  const host = m[2]!.replace(/[^.]*\{[^}]*\}[^.]*/g, '*');
  return [`${m[1]!.toLowerCase()}//${host}`];
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { tileUrl: string; https: boolean | 'auto' }) {
  const tiles = tileSource(opts.tileUrl);
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Only the built bundle runs: no inline script, no eval.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Ant Design injects its CSS-in-JS as <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // data: for the favicon and Leaflet's icons, blob: for photos picked on the phone.
        imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: the county office may serve over plain HTTP on its LAN.
      },
    },
    // Same-origin requests keep their Origin and Referer (the CSRF check reads
    // them); other sites, tile servers included, learn nothing.
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // HSTS only when the app is served over HTTPS; on a LAN over HTTP it would do harm later.
    strictTransportSecurity: opts.https === true ? { maxAge: HSTS_SECONDS } : false,
    crossOriginEmbedderPolicy: false,
  });
  // `auto`: HSTS on the answers to requests that came over HTTPS only.
  if (opts.https === 'auto') {
    app.addHook('onRequest', async (req, reply) => {
      if (req.protocol === 'https') reply.header('strict-transport-security', `max-age=${HSTS_SECONDS}`);
    });
  }
}

const HSTS_SECONDS = 31_536_000;
