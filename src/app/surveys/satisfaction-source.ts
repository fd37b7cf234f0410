// Each shop's satisfaction score (0–100) from its latest answered survey round.
// PLACEHOLDER on the measures branch: the surveys feature (issue 17 item 1)
// replaces this file with the real reading of survey answers; until then no
// shop has been surveyed and 满意度 shows "未调查".
import type { Db } from '../../db/client.js';

export type SatisfactionScore = { score: number; answers: number; roundId: number; answeredAt: string };

export async function loadSatisfactionScores(db: Db, orgId: number): Promise<Map<number, SatisfactionScore>> {
  void db;
  void orgId;
  return new Map();
}
