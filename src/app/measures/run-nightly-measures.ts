// The night's work for one org: the four measures of every active shop as of
// the day, then the score sheets of the month that yesterday belongs to (on
// the 1st that is the month just finished).
import type { Db } from '../../db/client.js';
import { computeMeasures, type ComputeMeasuresResult } from './compute-measures.js';
import { computeScoreSheets } from './compute-score-sheets.js';

export function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type NightlyResult = ComputeMeasuresResult & { month: string; sheets: number };

export async function runNightlyMeasures(db: Db, orgId: number, asOf: string, onStep?: (pct: number, text: string) => Promise<void>): Promise<NightlyResult> {
  await onStep?.(5, 'measures');
  const measures = await computeMeasures(db, orgId, asOf);
  const month = previousDay(asOf).slice(0, 7);
  await onStep?.(70, 'score sheets');
  const { sheets } = await computeScoreSheets(db, orgId, month, asOf);
  return { ...measures, month, sheets };
}
