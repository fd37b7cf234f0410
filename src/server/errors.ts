// One error type with a stable code, mapped to an HTTP status in one place.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../shared/app-error.js';
import { messageText, type MessageCode } from '../shared/messages.js';
import { ComputeError } from '../solver/compute.js';

export { AppError, type FieldError };

const statusTable: Partial<Record<MessageCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  forbidden: 403,
  org_read_only: 403,
  org_county_required: 403,
  org_out_of_scope: 403,
  org_rule_not_overridable: 403,
  org_rule_county_screen: 409,
  not_found: 404,
  measure_weights_invalid: 422,
  score_scheme_invalid: 422,
  retailer_moved: 410,
  move_same_org: 422,
  move_unknown_target: 422,
  move_target_grid_without_worker: 422,
  move_products_missing: 422,
  move_hosts_delivery_point: 409,
  move_has_care_records: 409,
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
  plan_week_past: 422,
  retailer_field_forbidden: 403,
  window_closes_before_opens: 422,
  window_too_long: 422,
  settlement_not_failed: 409,
  correction_decided: 409,
  correction_too_late: 422,
  correction_too_many: 422,
  request_decided: 409,
  decline_reason_required: 400,
  order_amendable: 409,
  replacement_same_product: 422,
  emergency_over_requested: 422,
  desk_unknown_category: 400,
  care_photo_type: 400,
  care_photo_invalid: 400,
  care_proof_required: 422,
  care_grade_required: 422,
  care_dates_order: 422,
  care_record_exists: 409,
  care_area_empty: 422,
  care_not_affected: 422,
  care_help_amount: 422,
  care_help_approver: 422,
  care_help_date: 422,
  care_disaster_date: 422,
  care_task_done: 409,
  care_unknown_staff: 422,
  desk_unknown_cause: 400,
  desk_case_closed: 409,
  desk_case_not_closed: 409,
  desk_survey_done: 409,
  desk_conflict_of_interest: 403,
  desk_subject_handler: 422,
  desk_unknown_handler: 422,
  desk_wrong_state: 409,
  desk_policy_invalid: 422,
  desk_reward_not_valid: 409,
  desk_too_many_photos: 413,
  cross_site_request: 403,
  unsupported_media_type: 415,
  body_too_large: 413,
  file_too_large: 413,
  bad_json: 400,
  empty_body: 400,
  bad_url: 400,
  bad_request: 400,
  too_many_attempts: 429,
  password_weak: 422,
  password_current_wrong: 422,
  password_changed_meanwhile: 409,
  password_change_required: 403,
  password_reset_self: 422,
  username_taken: 409,
  station_unknown: 422,
  user_self_change: 422,
  user_not_staff: 422,
  user_has_grids: 409,
  import_too_large: 422,
  computation_budget_exceeded: 422,
  computation_busy: 409,
  computation_failed: 503,
  calendar_periods_none: 422,
  calendar_period_bad_format: 422,
  calendar_period_not_positive: 422,
  calendar_periods_overlap: 422,
  calendar_override_bad_date: 422,
  calendar_override_duplicate: 409,
  calendar_override_makeup_on_holiday: 422,
  calendar_override_name_too_long: 422,
  class_format: 400,
  onboarding_licence_exists: 409,
  onboarding_step_out_of_order: 409,
  onboarding_step_done: 409,
  onboarding_retailer_taken: 409,
  onboarding_account_taken: 409,
  notice_unknown_variable: 422,
  notice_sms_too_long: 422,
  notice_empty_audience: 422,
  notice_scope: 403,
  notice_not_pending: 409,
  notice_own_campaign: 403,
  notice_template_placeholder: 422,
  notice_template_variable: 422,
  notice_template_in_app_only: 422,
  notice_template_sms_required: 422,
  survey_questionnaire_invalid: 422,
  survey_answers_invalid: 422,
  survey_empty_frame: 422,
  survey_quota_unmet: 422,
  survey_rated_worker: 403,
  survey_not_sampled: 422,
  survey_already_answered: 409,
  survey_round_closed: 409,
  survey_link_invalid: 404,
  survey_link_used: 409,
  launch_product_required: 422,
  launch_target_required: 422,
  launch_target_empty: 422,
  launch_not_targeted: 422,
  forecast_none: 409,
  forecast_week_out_of_range: 422,
  forecast_override_none: 409,
};

/**
 * Errors Fastify and its plugins raise before a route runs, by their code:
 * a client's mistake gets a stable code with zh/en text, never a 500 and
 * never the framework's English message.
 */
const frameworkCodes: Record<string, MessageCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_REQ_FILE_TOO_LARGE: 'file_too_large',
  FST_FILES_LIMIT: 'file_too_large',
  FST_PARTS_LIMIT: 'file_too_large',
  FST_FIELDS_LIMIT: 'file_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_INVALID_URL: 'bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'bad_url',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
  FST_PROTO_VIOLATION: 'bad_request',
  FST_CONSTRUCTOR_VIOLATION: 'bad_json',
};

/** The stable code of an error raised by the framework, or undefined for a server fault. */
export function frameworkErrorCode(err: { code?: string; statusCode?: number; name?: string }): MessageCode | undefined {
  const known = err.code ? frameworkCodes[err.code] : undefined;
  if (known) return known;
  if (err.name === 'SyntaxError' && err.statusCode === 400) return 'bad_json';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'bad_request';
  return undefined;
}

/** The HTTP status of an error code (400 unless the table says otherwise). */
export function statusOf(code: MessageCode): number {
  return statusTable[code] ?? 400;
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

/** Fastify's `frameworkErrors` option: errors met while routing (a malformed URL) answer like any other. */
export function frameworkErrorReply(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const code = frameworkErrorCode(err) ?? 'bad_request';
  return reply.status(statusOf(code)).send(errorBody(code));
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: unknown[] }, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(statusOf(err.code)).send(errorBody(err.code, err.fields, err.extra));
    }
    if (err instanceof ComputeError) {
      // A computation that ran out of time or failed in its worker is logged; the user gets the code.
      if (err.code !== 'computation_busy') req.log.warn({ err: err.message }, 'computation stopped');
      return reply.status(statusOf(err.code)).send(errorBody(err.code));
    }
    if (err.validation) {
      const fields = (err.validation as ZodLikeIssue[]).map((i) => ({
        field: (i.path ?? []).join('.') || (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'),
        code: i.message && /^[a-z_]+$/.test(i.message) ? i.message : 'invalid_value',
      }));
      return reply.status(400).send(errorBody('validation_failed', fields));
    }
    const code = frameworkErrorCode(err);
    if (code) return reply.status(statusOf(code)).send(errorBody(code));
    req.log.error(err);
    return reply.status(500).send(errorBody('internal'));
  });
}
