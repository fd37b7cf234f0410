// Background jobs (issue 12): a job is seen by the user who started it and by
// same-org users allowed to see that kind of work; anyone else gets 404, as
// for a job that does not exist. The jobs are written here, as the county
// manager would have started them.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

let made: Promise<{ allocation: number; rating: number }> | null = null;

function jobsOfManager(ctx: MatrixContext) {
  made ??= (async () => {
    const db = ctx.t.database.db;
    const [m] = await query<{ id: number; orgId: number }>(db, sql`select id, org_id as "orgId" from users where username = 'manager'`);
    const add = async (name: string) =>
      (
        await query<{ id: number }>(
          db,
          sql`insert into jobs (org_id, name, payload, state, progress, created_by, finished_at)
            values (${m.orgId}, ${name}, '{}'::jsonb, 'completed', 100, ${m.id}, now()) returning id`,
        )
      )[0].id;
    return { allocation: await add('supply-plan-allocate'), rating: await add('rating-batch') };
  })();
  return made;
}

// Made by the first call's body; its 401 row runs before any role needs the ids.
let ids = { allocation: 2147483646, rating: 2147483646 };
const setup = (ctx: MatrixContext) => async () => void (ids = await jobsOfManager(ctx));

export const jobs: MatrixModule = {
  reset: () => {
    made = null;
    ids = { allocation: 2147483646, rating: 2147483646 };
  },
  calls: (ctx) => [
    //                                                                                          admin mgr  head worker agent retailer
    { name: 'job (allocation)', method: 'GET', route: '/api/jobs/:id', url: () => `/api/jobs/${ids.allocation}`, body: setup(ctx), expected: [200, 200, 200, 200, 200, 404], regionalHome: 404 },
    { name: 'job (rating batch)', method: 'GET', route: '/api/jobs/:id', url: () => `/api/jobs/${ids.rating}`, body: setup(ctx), expected: [200, 200, 200, 200, 404, 404], regionalHome: 404 },
    { name: 'job missing', method: 'GET', route: '/api/jobs/:id', url: () => '/api/jobs/2147483647', expected: [404, 404, 404, 404, 404, 404], regionalHome: 404 },
  ],
};
