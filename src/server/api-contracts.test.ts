// Every API route states its contract: a response schema for its success
// status, and a request schema for each of body, params and query it reads.
// A route without one serialises whatever the handler returns and lets any
// input reach the database, so a new route must declare them to pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../app/context.js';
import { buildApp } from './app.js';

let app: FastifyInstance;
// Building routes touches no database; a request would, and none is made.
beforeAll(async () => {
  app = await buildApp({ db: {} as Db });
  await app.ready();
});
afterAll(() => app?.close());

describe('API contracts', () => {
  it('enumerates the API', () => {
    expect(app.apiContracts.length).toBeGreaterThan(90);
  });

  it('every route declares a response schema for a success status', () => {
    const missing = app.apiContracts
      .filter((c) => {
        const response = c.schema.response as Record<string, unknown> | undefined;
        return !response || !Object.keys(response).some((status) => /^2\d\d$/.test(status));
      })
      .map((c) => c.route);
    expect(missing).toEqual([]);
  });

  it('every route that reads a body, params or query declares a schema for it', () => {
    const missing: string[] = [];
    for (const c of app.apiContracts) {
      const multipart = Array.isArray(c.schema.consumes) && c.schema.consumes.includes('multipart/form-data');
      if (/\breq\.body\b/.test(c.handler) && !c.schema.body && !multipart) missing.push(`${c.route} body`);
      if ((/\breq\.params\b/.test(c.handler) || c.route.includes('/:')) && !c.schema.params) missing.push(`${c.route} params`);
      if (/\breq\.query\b/.test(c.handler) && !c.schema.querystring) missing.push(`${c.route} query`);
    }
    expect(missing).toEqual([]);
  });

  it('the OpenAPI document at /docs builds from every schema', () => {
    const doc = app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).length).toBeGreaterThan(60);
  });
});
