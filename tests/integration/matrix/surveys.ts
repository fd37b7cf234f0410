// Surveys (issue 17): marketing designs questionnaires and runs rounds; staff
// read them and record answers taken by phone within their scope (never as the
// rated worker: the grid worker's own shop is refused elsewhere); staff with a
// territory read results of their scope; a retailer answers their own. The
// SMS link's two routes are public by design (the signed token is the
// credential) and are tested in surveys.test.ts.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

type Ids = { questionnaire: number; open: number };
let ids: Ids | null = null;
const missing = 2147483646;

async function load({ t }: MatrixContext): Promise<Ids> {
  if (ids) return ids;
  const [q] = await query<{ id: number }>(t.database.db, sql`select id from survey_questionnaires where code = 'satisfaction' order by version limit 1`);
  const [r] = await query<{ id: number }>(t.database.db, sql`select id from survey_rounds where status = 'open' order by id limit 1`);
  ids = { questionnaire: q.id, open: r.id };
  return ids;
}

const definition = { title: '门店意见', questions: [{ id: 'q1', kind: 'scale', text: '满意吗？', required: true }] };

export const surveys: MatrixModule = {
  reset: () => {
    ids = null;
  },
  outside: ['GET /api/public/surveys/:token', 'POST /api/public/surveys/:token'],
  calls: (ctx) => {
    const at = () => ids!;
    return [
      //                                                                                                      admin mgr  head worker agent retailer
      {
        name: 'survey questionnaire save', method: 'POST', route: '/api/surveys/questionnaires', url: () => '/api/surveys/questionnaires',
        body: async () => (await load(ctx), { code: 'matrix', purpose: 'general', definition }), expected: [201, 201, 403, 403, 403, 403],
      },
      { name: 'survey questionnaires', method: 'GET', route: '/api/surveys/questionnaires', url: () => '/api/surveys/questionnaires', expected: [200, 200, 200, 200, 200, 403] },
      { name: 'survey default questionnaire', method: 'GET', route: '/api/surveys/questionnaires/default', url: () => '/api/surveys/questionnaires/default', expected: [200, 200, 403, 403, 403, 403] },
      { name: 'survey rounds', method: 'GET', route: '/api/surveys/rounds', url: () => '/api/surveys/rounds', expected: [200, 200, 200, 200, 200, 403] },
      {
        name: 'survey round launch', method: 'POST', route: '/api/surveys/rounds', url: () => '/api/surveys/rounds',
        body: async () => ({ questionnaireId: (await load(ctx)).questionnaire, name: '矩阵轮次', share: 0.01 }), expected: [201, 201, 403, 403, 403, 403],
      },
      { name: 'survey round close (missing)', method: 'POST', route: '/api/surveys/rounds/:id/close', url: () => `/api/surveys/rounds/${missing}/close`, expected: [404, 404, 403, 403, 403, 403] },
      {
        name: 'survey round invitations (missing)', method: 'POST', route: '/api/surveys/rounds/:id/invitations', url: () => `/api/surveys/rounds/${missing}/invitations`,
        body: async () => ({}), expected: [404, 404, 403, 403, 403, 403],
      },
      { name: 'survey call list', method: 'GET', route: '/api/surveys/rounds/:id/calls', url: () => `/api/surveys/rounds/${at().open}/calls`, expected: [200, 200, 200, 200, 200, 403] },
      {
        name: 'survey answer by phone (shop not sampled)', method: 'POST', route: '/api/surveys/rounds/:id/answers', url: () => `/api/surveys/rounds/${missing}/answers`,
        body: async () => ({ retailerId: ctx.own(), answers: { q1: 4 } }), expected: [422, 422, 422, 422, 422, 403],
      },
      {
        name: 'survey answer by phone (other station)', method: 'POST', route: '/api/surveys/rounds/:id/answers', url: () => `/api/surveys/rounds/${missing}/answers`,
        body: async () => ({ retailerId: ctx.other(), answers: { q1: 4 } }), expected: [422, 422, 422, 422, 422, 403],
      },
      { name: 'survey results', method: 'GET', route: '/api/surveys/rounds/:id/results', url: () => `/api/surveys/rounds/${at().open}/results`, expected: [200, 200, 200, 200, 403, 403] },
      { name: 'my surveys', method: 'GET', route: '/api/my/surveys', url: () => '/api/my/surveys', expected: [403, 403, 403, 403, 403, 200] },
      {
        name: 'my survey answer (round missing)', method: 'POST', route: '/api/my/surveys/:id/answers', url: () => `/api/my/surveys/${missing}/answers`,
        body: async () => ({ answers: { q1: 4 } }), expected: [403, 403, 403, 403, 403, 404],
      },
    ];
  },
};
