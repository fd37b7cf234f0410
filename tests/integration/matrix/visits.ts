// Visits (issue 7): config, calendars, day routes, check-in, visit submission, follow-ups, progress.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

type Ids = { worker1: number; shop: { lat: number; lng: number }; otherWorker: number; ownFollowUp: number; otherFollowUp: number };
let ids: Ids | null = null;

/** Ids the calls need, read once from the seeded county (the first call's body runs before any url is built). */
async function load({ t }: MatrixContext, own: number, other: number): Promise<Ids> {
  if (ids) return ids;
  const db = t.database.db;
  const [w] = await query<{ id: number }>(db, sql`select id from users where username = 'worker1'`);
  const [shop] = await query<{ lat: number; lng: number }>(db, sql`select lat, lng from retailers where id = ${own}`);
  const [o] = await query<{ workerId: number; stationId: number }>(
    db,
    sql`select g.worker_id as "workerId", g.station_id as "stationId" from retailers r join grids g on g.id = r.grid_id where r.id = ${other}`,
  );
  const follow = async (retailerId: number, workerId: number) =>
    (
      await query<{ id: number }>(
        db,
        sql`insert into follow_ups (org_id, retailer_id, worker_id, station_id, kind, text, action, due_at)
          select r.org_id, r.id, ${workerId}, g.station_id, 'request', '要货', 'callback', now() + interval '1 day'
          from retailers r join grids g on g.id = r.grid_id where r.id = ${retailerId} returning id`,
      )
    )[0].id;
  ids = { worker1: w.id, shop, otherWorker: o.workerId, ownFollowUp: await follow(own, w.id), otherFollowUp: await follow(other, o.workerId) };
  return ids;
}

const form = { displayScore: 4, priceTags: 'complete', storeImage: 'B', requests: '', problems: '' };

export const visits: MatrixModule = {
  reset: () => {
    ids = null;
  },
  calls: (ctx) => {
    const at = () => ids!;
    const position = () => ({ lat: at().shop.lat, lng: at().shop.lng, accuracyM: 8 });
    return [
      //                                                                                                      admin mgr  head worker agent retailer
      {
        name: 'visit config update',
        method: 'PUT',
        route: '/api/visits/config',
        url: () => '/api/visits/config',
        body: async () => {
          await load(ctx, ctx.own(), ctx.other());
          return { settings: { checkInRadiusM: 200 } };
        },
        expected: [200, 200, 403, 403, 403, 403],
      },
      { name: 'visit config', method: 'GET', route: '/api/visits/config', url: () => '/api/visits/config', expected: [200, 200, 200, 200, 403, 403] },
      {
        name: 'visit override own',
        method: 'PUT',
        route: '/api/retailers/:id/visit-override',
        url: () => `/api/retailers/${ctx.own()}/visit-override`,
        body: async () => ({ visitsPerCycle: 2 }),
        expected: [200, 200, 200, 403, 403, 403],
      },
      {
        name: 'visit override other',
        method: 'PUT',
        route: '/api/retailers/:id/visit-override',
        url: () => `/api/retailers/${ctx.other()}/visit-override`,
        body: async () => ({ visitsPerCycle: 2 }),
        expected: [200, 200, 404, 403, 403, 403],
      },
      {
        name: 'visit plans generate',
        method: 'POST',
        route: '/api/visit-plans',
        url: () => '/api/visit-plans',
        body: async () => ({ workerIds: [at().worker1] }),
        expected: [202, 202, 202, 403, 403, 403],
      },
      {
        name: 'day route of worker1',
        method: 'GET',
        route: '/api/visit-plans/day',
        url: () => `/api/visit-plans/day?workerId=${at().worker1}`,
        expected: [200, 200, 200, 200, 403, 403],
      },
      {
        name: 'day route of another station',
        method: 'GET',
        route: '/api/visit-plans/day',
        url: () => `/api/visit-plans/day?workerId=${at().otherWorker}`,
        expected: [200, 200, 404, 404, 403, 403],
      },
      {
        name: 'check-in',
        method: 'POST',
        route: '/api/visits/check-in',
        url: () => '/api/visits/check-in',
        body: async () => ({ id: randomUUID(), retailerId: ctx.own(), ...position() }),
        expected: [403, 403, 403, 200, 403, 403],
      },
      {
        name: 'submit visit',
        method: 'PUT',
        route: '/api/visits/:id',
        url: () => `/api/visits/${randomUUID()}`,
        body: async () => ({ retailerId: ctx.own(), checkIn: position(), form }),
        expected: [403, 403, 403, 200, 403, 403],
      },
      {
        name: 'submit visit for another station',
        method: 'PUT',
        route: '/api/visits/:id',
        url: () => `/api/visits/${randomUUID()}`,
        body: async () => ({ retailerId: ctx.other(), checkIn: position(), form }),
        expected: [403, 403, 403, 404, 403, 403],
      },
      { name: 'shop visits own', method: 'GET', route: '/api/retailers/:id/visits', url: () => `/api/retailers/${ctx.own()}/visits`, expected: [200, 200, 200, 200, 403, 403] },
      { name: 'shop visits other', method: 'GET', route: '/api/retailers/:id/visits', url: () => `/api/retailers/${ctx.other()}/visits`, expected: [200, 200, 404, 404, 403, 403] },
      { name: 'follow-ups', method: 'GET', route: '/api/follow-ups', url: () => '/api/follow-ups?status=all', expected: [200, 200, 200, 200, 403, 403] },
      {
        name: 'follow-up own',
        method: 'PATCH',
        route: '/api/follow-ups/:id',
        url: () => `/api/follow-ups/${at().ownFollowUp}`,
        body: async () => ({ status: 'done', resolution: '已回电' }),
        expected: [200, 200, 200, 200, 403, 403],
      },
      {
        name: 'follow-up other station',
        method: 'PATCH',
        route: '/api/follow-ups/:id',
        url: () => `/api/follow-ups/${at().otherFollowUp}`,
        body: async () => ({ status: 'done', resolution: '已回电' }),
        expected: [200, 200, 404, 404, 403, 403],
      },
      {
        name: 'visit depot of worker1',
        method: 'PUT',
        route: '/api/workers/:id/visit-depot',
        url: () => `/api/workers/${at().worker1}/visit-depot`,
        body: async () => ({ startFrom: 'station' }),
        expected: [200, 200, 200, 200, 403, 403],
      },
      {
        name: 'visit depot of another station',
        method: 'PUT',
        route: '/api/workers/:id/visit-depot',
        url: () => `/api/workers/${at().otherWorker}/visit-depot`,
        body: async () => ({ startFrom: 'station' }),
        expected: [200, 200, 404, 404, 403, 403],
      },
      { name: 'visit progress', method: 'GET', route: '/api/visits/progress', url: () => '/api/visits/progress', expected: [200, 200, 200, 200, 403, 403] },
    ];
  },
};
