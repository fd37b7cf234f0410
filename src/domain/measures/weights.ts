// Weights of a measure definition: each measure's parts must sum to 1.
import type { FieldError } from '../../shared/app-error.js';
import type { MeasureWeights } from '../../shared/measures.js';

const TOLERANCE = 0.001;

export function weightErrors(w: MeasureWeights): FieldError[] {
  const errors: FieldError[] = [];
  for (const group of ['loyalty', 'contribution'] as const) {
    const sum = Object.values(w[group]).reduce((s, x) => s + x, 0);
    if (Math.abs(sum - 1) > TOLERANCE) errors.push({ field: group, code: 'weights_not_one' });
  }
  return errors;
}
