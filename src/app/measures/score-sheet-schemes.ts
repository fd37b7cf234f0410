// The score-sheet scheme: items (a source, its points at target, its cap), versioned.
// No saved row means version 1, the defaults of decision 1711.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { scoreSheetSchemes } from '../../db/schema-measures.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { schemeErrors } from '../../domain/measures/score-points.js';
import { AppError } from '../../shared/app-error.js';
import type { ScoreSheetItemConfig } from '../../shared/measures.js';
import { writeAudit } from '../audit/audit.js';
import { DEFAULT_SCORE_ITEMS, SCORE_SOURCES } from './score-sources.js';

export type Scheme = { version: number; items: ScoreSheetItemConfig[] };

export async function getScoreScheme(db: Db, orgId: number): Promise<Scheme> {
  const [row] = await query<Scheme>(db, sql`select version, items from score_sheet_schemes where org_id = ${orgId} order by version desc limit 1`);
  return row ?? { version: 1, items: DEFAULT_SCORE_ITEMS };
}

export function scoreSourcesList() {
  return SCORE_SOURCES.map((s) => ({ id: s.id, zh: s.zh, en: s.en, ruleZh: s.ruleZh, ruleEn: s.ruleEn }));
}

export async function saveScoreScheme(db: Db, viewer: Viewer, items: ScoreSheetItemConfig[], now: Date): Promise<Scheme> {
  const errors = schemeErrors(items, SCORE_SOURCES.map((s) => s.id));
  if (errors.length) throw new AppError('score_scheme_invalid', errors);
  return db.transaction(async (tx) => {
    const d = tx as unknown as Db;
    await d.execute(sql`select pg_advisory_xact_lock(1711, ${viewer.orgId})`);
    const version = (await getScoreScheme(d, viewer.orgId)).version + 1;
    await d.insert(scoreSheetSchemes).values({ orgId: viewer.orgId, version, items, createdBy: viewer.userId, createdAt: now });
    await writeAudit(d, viewer, { action: 'update', entity: 'score_scheme', entityIds: [version], detail: { items } }, now);
    return { version, items };
  });
}
