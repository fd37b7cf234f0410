// One error type with a stable code, mapped to an HTTP status in one place.
import type { FastifyError, FastifyInstance } from 'fastify';
import { messageText, type MessageCode } from '../shared/messages.js';
import { ComputeError } from '../solver/compute.js';

const statusOf: Partial<Record<MessageCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  forbidden: 403,
  not_found: 404,
  position_required: 422,
  check_in_too_far: 422,
  visit_id_conflict: 409,
  version_conflict: 409,
  duplicate_code: 409,
  duplicate_licence: 409,
  import_rejected: 422,
  import_bad_file: 400,
  import_missing_columns: 422,
  import_empty: 422,
  rating_month_published: 409,
  rating_run_busy: 409,
  rating_run_not_draft: 409,
  rating_scheme_invalid: 422,
  rating_scheme_version_exists: 409,
  rating_not_rated: 404,
  rating_manual_tier_rejected: 422,
  rating_freeze_exists: 409,
  representative_cap_reached: 409,
  representative_exists: 409,
  representative_not_eligible: 422,
  representative_wrong_state: 409,
  representative_cap_invalid: 422,
  grid_not_empty: 409,
  grid_worker_required: 422,
  unknown_worker: 422,
  unknown_station: 422,
  duplicate_grid_code: 409,
  grid_same: 422,
  grid_other_station: 422,
  polygon_invalid: 422,
  polygon_self_intersecting: 422,
  outside_county: 422,
  nothing_selected: 422,
  split_too_small: 422,
  split_all: 422,
  proposal_stale: 409,
  proposal_applied: 409,
  unknown_product: 422,
  over_limit: 422,
  outside_window: 422,
  quantity_whole: 400,
  demand_below_order: 400,
  duplicate_product: 400,
  order_exists: 409,
  idempotency_mismatch: 409,
  plan_published: 409,
  plan_not_allocated: 409,
  plan_week_exists: 409,
  settlement_not_failed: 409,
  correction_decided: 409,
  correction_too_many: 422,
  request_decided: 409,
  decline_reason_required: 400,
  order_amendable: 409,
  replacement_same_product: 422,
  emergency_over_requested: 422,
  computation_budget_exceeded: 422,
  computation_busy: 409,
  computation_failed: 503,
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
    if (err instanceof ComputeError) {
      // A computation that ran out of time or failed in its worker is logged; the user gets the code.
      if (err.code !== 'computation_busy') req.log.warn({ err: err.message }, 'computation stopped');
      return reply.status(statusOf[err.code] ?? 503).send(errorBody(err.code));
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
