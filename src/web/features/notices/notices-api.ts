// Typed calls of the notices API: the inbox and bell, sending, approval.
import { api, toQuery, type Body, type Wire } from '../../api/client.js';
import type {
  campaignListSchema,
  campaignSchema,
  createCampaignSchema,
  inboxSchema,
  markAllReadSchema,
  markReadSchema,
  noticeReportSchema,
  previewResultSchema,
  previewSchema,
  unreadSchema,
} from '../../../shared/notices.js';
import type {
  saveTemplateSchema,
  templateListSchema,
  templatePreviewResultSchema,
  templatePreviewSchema,
  templateSummarySchema,
  templateVersionsSchema,
} from '../../../shared/notice-templates.js';

export type InboxItem = Wire<typeof inboxSchema>['items'][number];
export type Campaign = Wire<typeof campaignSchema>;
export type TemplateSummary = Wire<typeof templateSummarySchema>;
export type TemplateVersion = Wire<typeof templateVersionsSchema>['items'][number];
export type TemplatePreview = Wire<typeof templatePreviewResultSchema>;
export type NoticeReport = Wire<typeof noticeReportSchema>;

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
  report: (days: number) => api<NoticeReport>(`/api/notices/report${toQuery({ days })}`),
  templates: () => api<Wire<typeof templateListSchema>>('/api/notice-templates'),
  templateVersions: (code: string) => api<Wire<typeof templateVersionsSchema>>(`/api/notice-templates/${encodeURIComponent(code)}/versions`),
  previewTemplate: (code: string, body: Body<typeof templatePreviewSchema>, signal?: AbortSignal) =>
    api<TemplatePreview>(`/api/notice-templates/${encodeURIComponent(code)}/preview`, { method: 'POST', body, signal }),
  saveTemplate: (code: string, body: Body<typeof saveTemplateSchema>) => api<TemplateSummary>(`/api/notice-templates/${encodeURIComponent(code)}/versions`, { method: 'POST', body }),
};
