// Typed calls of the notices API: the inbox and bell, sending, approval.
import { api, toQuery, type Body, type Wire } from '../../api/client.js';
import type {
  campaignListSchema,
  campaignSchema,
  createCampaignSchema,
  inboxSchema,
  markAllReadSchema,
  markReadSchema,
  previewResultSchema,
  previewSchema,
  unreadSchema,
} from '../../../shared/notices.js';

export type InboxItem = Wire<typeof inboxSchema>['items'][number];
export type Campaign = Wire<typeof campaignSchema>;

/** Fired after the inbox changes, so the bell counts again at once. */
export const NOTICES_CHANGED = 'zy-notices-changed';

export const noticesApi = {
  inbox: (unread?: boolean) => api<Wire<typeof inboxSchema>>(`/api/notices${toQuery({ unread: unread ? '1' : undefined })}`),
  unread: () => api<Wire<typeof unreadSchema>>('/api/notices/unread'),
  read: (id: number) => api<Wire<typeof markReadSchema>>(`/api/notices/${id}/read`, { method: 'POST' }),
  readAll: () => api<Wire<typeof markAllReadSchema>>('/api/notices/read-all', { method: 'POST' }),
  campaigns: () => api<Wire<typeof campaignListSchema>>('/api/notice-campaigns'),
  send: (body: Body<typeof createCampaignSchema>) => api<Campaign>('/api/notice-campaigns', { method: 'POST', body }),
  decide: (id: number, approve: boolean) => api<Campaign>(`/api/notice-campaigns/${id}/decision`, { method: 'POST', body: { approve } }),
  preview: (body: Body<typeof previewSchema>) => api<Wire<typeof previewResultSchema>>('/api/notices/preview', { method: 'POST', body }),
};
