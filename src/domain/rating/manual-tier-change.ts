// A manual tier change is allowed only with a reason (or not at all, by
// scheme). This validates the request; the server writes it to the audit log.
import { say } from './messages.js';
import type { RatingScheme } from './scheme.js';
import type { Month, Text } from './types.js';

export interface ManualTierChange {
  retailerId: string;
  month: Month;
  fromTier: number;
  toTier: number;
  reason: string;
  changedBy: string;
}

export type ManualTierChangeError = {
  code: 'manual_tier_forbidden' | 'manual_tier_reason_required' | 'manual_tier_out_of_range' | 'manual_tier_unchanged';
  field: 'toTier' | 'reason' | null;
  message: Text;
};

export type Validated<T, E> = { ok: true; value: T } | { ok: false; errors: E[] };

export function validateManualTierChange(
  change: ManualTierChange,
  scheme: RatingScheme,
): Validated<ManualTierChange & { schemeVersion: string }, ManualTierChangeError> {
  if (scheme.tiers.manualOverride === 'forbidden') {
    return { ok: false, errors: [{ code: 'manual_tier_forbidden', field: null, message: say('manual_tier_forbidden') }] };
  }
  const errors: ManualTierChangeError[] = [];
  const max = scheme.tiers.shares.length;
  if (!Number.isInteger(change.toTier) || change.toTier < 1 || change.toTier > max) {
    errors.push({ code: 'manual_tier_out_of_range', field: 'toTier', message: say('manual_tier_out_of_range', { max }) });
  } else if (change.toTier === change.fromTier) {
    errors.push({ code: 'manual_tier_unchanged', field: 'toTier', message: say('manual_tier_unchanged') });
  }
  const reason = change.reason.trim();
  if ([...reason].length < scheme.tiers.minReasonLength) {
    errors.push({
      code: 'manual_tier_reason_required',
      field: 'reason',
      message: say('manual_tier_reason_required', { n: scheme.tiers.minReasonLength }),
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...change, reason, schemeVersion: scheme.version } };
}
