// Notices (issue 16): everyone has an inbox; a shop sets its own channels;
// staff with a territory send to the shops of their scope and read a shop's
// trail; managers approve county-wide SMS; the report is for those who run a
// station or more. A notice id that is not one's own is 404.
import type { MatrixModule } from './types.js';

const missing = 2147483646;

export const notices: MatrixModule = {
  calls: (ctx) => [
    //                                                                                                                       admin mgr  head worker agent retailer
    { name: 'inbox', method: 'GET', route: '/api/notices', url: () => '/api/notices', expected: [200, 200, 200, 200, 200, 200] },
    { name: 'unread count', method: 'GET', route: '/api/notices/unread', url: () => '/api/notices/unread', expected: [200, 200, 200, 200, 200, 200] },
    { name: 'mark a notice read (not mine)', method: 'POST', route: '/api/notices/:id/read', url: () => `/api/notices/${missing}/read`, expected: [404, 404, 404, 404, 404, 404] },
    { name: 'mark all read', method: 'POST', route: '/api/notices/read-all', url: () => '/api/notices/read-all', expected: [200, 200, 200, 200, 200, 200] },
    { name: 'notice preferences', method: 'GET', route: '/api/notices/preferences', url: () => '/api/notices/preferences', expected: [403, 403, 403, 403, 403, 200] },
    {
      name: 'set notice preferences', method: 'PUT', route: '/api/notices/preferences', url: () => '/api/notices/preferences',
      body: async () => ({ smsOptOut: false, mutedTemplates: [] }), expected: [403, 403, 403, 403, 403, 200],
    },
    {
      name: 'preview a notice (own shop)', method: 'POST', route: '/api/notices/preview', url: () => '/api/notices/preview',
      body: async () => ({ retailerId: ctx.own(), title: '通知', body: '${shopName}您好', channel: 'sms' }), expected: [200, 200, 200, 200, 403, 403],
    },
    {
      name: 'preview a notice (other station)', method: 'POST', route: '/api/notices/preview', url: () => '/api/notices/preview',
      body: async () => ({ retailerId: ctx.other(), title: '通知', body: '${shopName}您好', channel: 'sms' }), expected: [200, 200, 403, 403, 403, 403],
    },
    { name: 'notice campaigns', method: 'GET', route: '/api/notice-campaigns', url: () => '/api/notice-campaigns', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'send a notice (own shop)', method: 'POST', route: '/api/notice-campaigns', url: () => '/api/notice-campaigns',
      body: async () => ({ title: '通知', body: '明日配送时间调整。', audience: { kind: 'retailers', retailerIds: [ctx.own()] }, channel: 'inapp' }), expected: [201, 201, 201, 201, 403, 403],
    },
    {
      name: 'send a notice (other station)', method: 'POST', route: '/api/notice-campaigns', url: () => '/api/notice-campaigns',
      body: async () => ({ title: '通知', body: '明日配送时间调整。', audience: { kind: 'retailers', retailerIds: [ctx.other()] }, channel: 'inapp' }), expected: [201, 201, 403, 403, 403, 403],
    },
    {
      name: 'approve a county-wide SMS', method: 'POST', route: '/api/notice-campaigns/:id/decision', url: () => `/api/notice-campaigns/${missing}/decision`,
      body: async () => ({ approve: true }), expected: [404, 404, 403, 403, 403, 403],
    },
    { name: 'notice report', method: 'GET', route: '/api/notices/report', url: () => '/api/notices/report', expected: [200, 200, 200, 403, 403, 403] },
    // Templates (decision 1135): marketing edits; the administrator and station heads read and preview; others 403.
    { name: 'notice templates', method: 'GET', route: '/api/notice-templates', url: () => '/api/notice-templates', expected: [200, 200, 200, 403, 403, 403] },
    { name: 'notice template versions', method: 'GET', route: '/api/notice-templates/:code/versions', url: () => '/api/notice-templates/window_nudge/versions', expected: [200, 200, 200, 403, 403, 403] },
    {
      name: 'preview a notice template', method: 'POST', route: '/api/notice-templates/:code/preview', url: () => '/api/notice-templates/window_nudge/preview',
      body: async () => ({ title: '订货即将截止', body: '${shopName}：请在${closesAt}前订货。', sms: '${shopName}，请在${closesAt}前订货。' }), expected: [200, 200, 200, 403, 403, 403],
    },
    {
      // A stale base version: the one who may save gets 409 and nothing is written; the others are refused first.
      name: 'save a notice template (stale base)', method: 'POST', route: '/api/notice-templates/:code/versions', url: () => '/api/notice-templates/window_nudge/versions',
      body: async () => ({ title: '订货即将截止', body: '${shopName}：请在${closesAt}前订货。', sms: '${shopName}，请在${closesAt}前订货。', baseVersion: 999 }), expected: [403, 409, 403, 403, 403, 403],
    },
    { name: 'notice trail (own shop)', method: 'GET', route: '/api/retailers/:id/notices', url: () => `/api/retailers/${ctx.own()}/notices`, expected: [200, 200, 200, 200, 403, 403] },
    { name: 'notice trail (other station)', method: 'GET', route: '/api/retailers/:id/notices', url: () => `/api/retailers/${ctx.other()}/notices`, expected: [200, 200, 404, 404, 403, 403] },
  ],
};
