// One error type with a stable code, mapped to an HTTP status in one place.
import type { FastifyError, FastifyInstance } from 'fastify';
import { messageText, type MessageCode } from '../shared/messages.js';

const statusOf: Partial<Record<MessageCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  duplicate_code: 409,
  duplicate_licence: 409,
  import_rejected: 422,
  import_bad_file: 400,
  import_missing_columns: 422,
  import_empty: 422,
};

export type FieldError = { field: string; code: string };

export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
  get status(): number {
    return statusOf[this.code] ?? 400;
  }
}

export function fieldDetails(fields: FieldError[]) {
  return fields.map((f) => ({
    field: f.field,
    code: f.code,
    message: messageText(f.code, 'zh'),
    messageEn: messageText(f.code, 'en'),
  }));
}

export function errorBody(code: MessageCode, fields: FieldError[] = [], extra: Record<string, unknown> = {}) {
  return {
    code,
    message: messageText(code, 'zh'),
    messageEn: messageText(code, 'en'),
    ...(fields.length ? { details: fieldDetails(fields) } : {}),
    ...extra,
  };
}

type ZodLikeIssue = { path?: (string | number)[]; message?: string; instancePath?: string };

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: unknown[] }, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.fields, err.extra));
    }
    if (err.validation) {
      const fields = (err.validation as ZodLikeIssue[]).map((i) => ({
        field: (i.path ?? []).join('.') || (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'),
        code: i.message && /^[a-z_]+$/.test(i.message) ? i.message : 'invalid_value',
      }));
      return reply.status(400).send(errorBody('validation_failed', fields));
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ ...errorBody('validation_failed'), message: err.message, messageEn: err.message });
    }
    req.log.error(err);
    return reply.status(500).send(errorBody('internal'));
  });
}
