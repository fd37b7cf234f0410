// Typed calls of the survey API (issue 17).
import { api, type Body, type Wire } from '../../api/client.js';
import type {
  agentAnswerSchema,
  answerRecordedSchema,
  Answers,
  callListSchema,
  invitationsSentSchema,
  mySurveysSchema,
  publicSurveySchema,
  questionnaireItemSchema,
  questionnaireListSchema,
  questionnaireSaveSchema,
  questionnaireTemplateSchema,
  roundCreateSchema,
  roundCreatedSchema,
  roundItemSchema,
  roundListSchema,
  roundResultsSchema,
} from '../../../shared/surveys.js';

const post = <T>(url: string, body?: unknown) => api<T>(url, { method: 'POST', ...(body !== undefined ? { body } : {}) });

export type RoundItem = Wire<typeof roundItemSchema>;
export type RoundResults = Wire<typeof roundResultsSchema>;
export type QuestionnaireItem = Wire<typeof questionnaireItemSchema>;

export const surveysApi = {
  questionnaires: () => api<Wire<typeof questionnaireListSchema>>('/api/surveys/questionnaires'),
  defaultTemplate: () => api<Wire<typeof questionnaireTemplateSchema>>('/api/surveys/questionnaires/default'),
  saveQuestionnaire: (body: Body<typeof questionnaireSaveSchema>) => post<QuestionnaireItem>('/api/surveys/questionnaires', body),
  rounds: () => api<Wire<typeof roundListSchema>>('/api/surveys/rounds'),
  launch: (body: Body<typeof roundCreateSchema>) => post<Wire<typeof roundCreatedSchema>>('/api/surveys/rounds', body),
  close: (id: number) => post<RoundItem>(`/api/surveys/rounds/${id}/close`),
  invite: (id: number) => post<Wire<typeof invitationsSentSchema>>(`/api/surveys/rounds/${id}/invitations`, {}),
  results: (id: number) => api<RoundResults>(`/api/surveys/rounds/${id}/results`),
  calls: (id: number) => api<Wire<typeof callListSchema>>(`/api/surveys/rounds/${id}/calls`),
  recordCall: (id: number, body: Body<typeof agentAnswerSchema>) => post<Wire<typeof answerRecordedSchema>>(`/api/surveys/rounds/${id}/answers`, body),
  mine: () => api<Wire<typeof mySurveysSchema>>('/api/my/surveys'),
  answerMine: (id: number, answers: Answers) => post<Wire<typeof answerRecordedSchema>>(`/api/my/surveys/${id}/answers`, { answers }),
  linkPage: (token: string) => api<Wire<typeof publicSurveySchema>>(`/api/public/surveys/${encodeURIComponent(token)}`, { handle401: true }),
  answerLink: (token: string, answers: Answers) => post<Wire<typeof answerRecordedSchema>>(`/api/public/surveys/${encodeURIComponent(token)}`, { answers }),
};
