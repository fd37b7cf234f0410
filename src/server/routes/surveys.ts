// Surveys (issue 17 item 1): questionnaires, rounds, answers from every
// channel, results; the retailer's own rounds; the public page of an SMS link.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findQuestionnaires, saveQuestionnaire } from '../../app/surveys/questionnaires.js';
import { closeRound, launchRound } from '../../app/surveys/launch-round.js';
import { roundItems } from '../../app/surveys/rounds.js';
import { recordAgentAnswer, recordMyAnswer } from '../../app/surveys/record-answer.js';
import { answerByLink, openLink, sendInvitations } from '../../app/surveys/survey-links.js';
import { roundResults } from '../../app/surveys/round-results.js';
import { findMySurveys, roundCallList } from '../../app/surveys/call-list.js';
import { defaultSatisfactionQuestionnaire, DEFAULT_SATISFACTION_CODE } from '../../domain/surveys/default-satisfaction.js';
import {
  agentAnswerSchema,
  answerRecordedSchema,
  answerSubmitSchema,
  callListSchema,
  invitationsSchema,
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
  roundParams,
  roundResultsSchema,
  tokenParams,
} from '../../shared/surveys.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type SurveyRouteDeps = { db: Db; now: () => Date };

/** Where an SMS link points: the address the staff member reached the app at (behind TRUST_PROXY, the proxy's). */
function linkBase(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function surveyRoutes(app: FastifyInstance, { db, now }: SurveyRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];

  r.get('/api/surveys/questionnaires', { preHandler: requirePermission('survey.read'), schema: { tags, response: { 200: questionnaireListSchema } } }, async (req) => ({
    items: await findQuestionnaires(db, viewerOf(req).orgId),
  }));
  r.get('/api/surveys/questionnaires/default', { preHandler: requirePermission('survey.design'), schema: { tags, response: { 200: questionnaireTemplateSchema } } }, async () => ({
    code: DEFAULT_SATISFACTION_CODE,
    purpose: 'satisfaction',
    definition: defaultSatisfactionQuestionnaire(),
  }));
  r.post('/api/surveys/questionnaires', { preHandler: requirePermission('survey.design'), schema: { tags, body: questionnaireSaveSchema, response: { 201: questionnaireItemSchema } } }, async (req, reply) =>
    reply.status(201).send(await saveQuestionnaire(db, viewerOf(req), req.body, now())),
  );
  r.get('/api/surveys/rounds', { preHandler: requirePermission('survey.read'), schema: { tags, response: { 200: roundListSchema } } }, async (req) => ({
    items: await roundItems(db, viewerOf(req).orgId),
  }));
  r.post('/api/surveys/rounds', { preHandler: requirePermission('survey.run'), schema: { tags, body: roundCreateSchema, response: { 201: roundCreatedSchema } } }, async (req, reply) =>
    reply.status(201).send(await launchRound(db, viewerOf(req), req.body, now())),
  );
  r.post('/api/surveys/rounds/:id/close', { preHandler: requirePermission('survey.run'), schema: { tags, params: roundParams, response: { 200: roundItemSchema } } }, async (req) =>
    closeRound(db, viewerOf(req), req.params.id, now()),
  );
  r.post('/api/surveys/rounds/:id/invitations', { preHandler: requirePermission('survey.run'), schema: { tags, params: roundParams, body: invitationsSchema, response: { 200: invitationsSentSchema } } }, async (req) =>
    sendInvitations(db, viewerOf(req), req.params.id, req.body.retailerIds, linkBase(req), now()),
  );
  r.get('/api/surveys/rounds/:id/calls', { preHandler: requirePermission('survey.collect'), schema: { tags, params: roundParams, response: { 200: callListSchema } } }, async (req) =>
    roundCallList(db, viewerOf(req), req.params.id),
  );
  r.post('/api/surveys/rounds/:id/answers', { preHandler: requirePermission('survey.collect'), schema: { tags, params: roundParams, body: agentAnswerSchema, response: { 201: answerRecordedSchema } } }, async (req, reply) =>
    reply.status(201).send(await recordAgentAnswer(db, viewerOf(req), req.params.id, req.body, now())),
  );
  r.get('/api/surveys/rounds/:id/results', { preHandler: requirePermission('survey.results'), schema: { tags, params: roundParams, response: { 200: roundResultsSchema } } }, async (req) =>
    roundResults(db, viewerOf(req), req.params.id),
  );

  // The retailer on their phone.
  r.get('/api/my/surveys', { preHandler: requirePermission('survey.mine'), schema: { tags, response: { 200: mySurveysSchema } } }, async (req) => findMySurveys(db, viewerOf(req)));
  r.post('/api/my/surveys/:id/answers', { preHandler: requirePermission('survey.mine'), schema: { tags, params: roundParams, body: answerSubmitSchema, response: { 201: answerRecordedSchema } } }, async (req, reply) =>
    reply.status(201).send(await recordMyAnswer(db, viewerOf(req), req.params.id, req.body.answers, now())),
  );

  // The SMS link's page: no login, the signed token is the credential; one answer per link.
  r.get('/api/public/surveys/:token', { schema: { tags, params: tokenParams, response: { 200: publicSurveySchema } } }, async (req) => {
    const o = await openLink(db, req.params.token);
    return { roundName: o.roundName, shopName: o.shopName, definition: o.definition };
  });
  r.post('/api/public/surveys/:token', { schema: { tags, params: tokenParams, body: answerSubmitSchema, response: { 201: answerRecordedSchema } } }, async (req, reply) =>
    reply.status(201).send(await answerByLink(db, req.params.token, req.body.answers, now())),
  );
}
