// Compliance class from the monopoly administration's score: A 91–100,
// B 81–90, C 71–80, W 70 or below, or three or more penalties whatever the score.
import type { ComplianceClass } from './types.js';

export function complianceClass(score: number, penalties: number): ComplianceClass {
  if (penalties >= 3 || score <= 70) return 'W';
  if (score <= 80) return 'C';
  if (score <= 90) return 'B';
  return 'A';
}
