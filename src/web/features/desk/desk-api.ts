// Typed calls of the service-desk API (issue 15).
import { api, toQuery, type Body, type Query, type Wire } from '../../api/client.js';
import { CASE_FORM_FIELD } from '../../../shared/desk.js';
import type {
  callSchema,
  caseCreateSchema,
  caseCreatedSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  closeSchema,
  deskPolicyRulesSchema,
  deskPolicySchema,
  deskStatsSchema,
  myCasesSchema,
  okSchema,
  reassignSchema,
  replySchema,
  rewardListSchema,
  rewardProposeSchema,
  statsQuerySchema,
  surveySchema,
} from '../../../shared/desk.js';

type Ok = Wire<typeof okSchema>;
const post = <T>(url: string, body?: unknown) => api<T>(url, { method: 'POST', ...(body !== undefined ? { body } : {}) });

export const deskApi = {
  cases: (q: Query<typeof caseListQuerySchema>) => api<Wire<typeof caseListSchema>>(`/api/desk/cases${toQuery(q)}`),
  detail: (id: number) => api<Wire<typeof caseDetailSchema>>(`/api/desk/cases/${id}`),
  create: (body: Body<typeof caseCreateSchema>) => post<Wire<typeof caseCreatedSchema>>('/api/desk/cases', body),
  note: (id: number, text: string) => post<Ok>(`/api/desk/cases/${id}/notes`, { text }),
  call: (id: number, body: Body<typeof callSchema>) => post<Ok>(`/api/desk/cases/${id}/calls`, body),
  reply: (id: number, body: Body<typeof replySchema>) => post<Ok>(`/api/desk/cases/${id}/reply`, body),
  close: (id: number, body: Body<typeof closeSchema>) => post<Ok>(`/api/desk/cases/${id}/close`, body),
  reassign: (id: number, body: Body<typeof reassignSchema>) => post<Ok>(`/api/desk/cases/${id}/reassign`, body),
  survey: (id: number, body: Body<typeof surveySchema>) => post<Ok>(`/api/desk/cases/${id}/survey`, body),
  reward: (id: number, body: Body<typeof rewardProposeSchema>) => post<Ok>(`/api/desk/cases/${id}/rewards`, body),
  rewards: () => api<Wire<typeof rewardListSchema>>('/api/desk/rewards'),
  decideReward: (id: number, approve: boolean) => post<Ok>(`/api/desk/rewards/${id}/decision`, { approve }),
  rewardGiven: (id: number) => post<Ok>(`/api/desk/rewards/${id}/given`),
  stats: (q: Query<typeof statsQuerySchema>) => api<Wire<typeof deskStatsSchema>>(`/api/desk/stats${toQuery(q)}`),
  policy: () => api<Wire<typeof deskPolicySchema>>('/api/desk/policy'),
  savePolicy: (rules: Body<typeof deskPolicyRulesSchema>) => api<Wire<typeof deskPolicySchema>>('/api/desk/policy', { method: 'PUT', body: rules }),
  myCases: () => api<Wire<typeof myCasesSchema>>('/api/my/cases'),
  /** With photos: multipart, the case as JSON in its own field beside the files. */
  fileMine: (body: Body<typeof caseCreateSchema>, photos: Blob[] = []) => {
    if (!photos.length) return post<Wire<typeof caseCreatedSchema>>('/api/my/cases', body);
    const form = new FormData();
    form.append(CASE_FORM_FIELD, JSON.stringify(body));
    photos.forEach((p, i) => form.append('photos', p, `photo-${i + 1}.jpg`));
    return api<Wire<typeof caseCreatedSchema>>('/api/my/cases', { method: 'POST', form });
  },
  surveyMine: (id: number, body: Body<typeof surveySchema>) => post<Ok>(`/api/my/cases/${id}/survey`, body),
};
