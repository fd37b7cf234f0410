// The measure definition: the weights of the parts, versioned. No saved row
// means version 1, the defaults of decision 1710; saving adds a version.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { measureDefinitions } from '../../db/schema-measures.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { DEFAULT_MEASURE_WEIGHTS } from '../../domain/measures/formulas.js';
import { weightErrors } from '../../domain/measures/weights.js';
import { AppError } from '../../shared/app-error.js';
import type { MeasureDefinition, MeasureWeights } from '../../shared/measures.js';
import { writeAudit } from '../audit/audit.js';

export async function getMeasureDefinition(db: Db, orgId: number, version?: number): Promise<MeasureDefinition> {
  const [row] = await query<{ version: number; weights: MeasureWeights; createdAt: string }>(
    db,
    sql`select version, weights, created_at as "createdAt" from measure_definitions where org_id = ${orgId}
        ${version === undefined ? sql`` : sql`and version = ${version}`} order by version desc limit 1`,
  );
  if (row) return row;
  return { version: 1, weights: DEFAULT_MEASURE_WEIGHTS, createdAt: null };
}

export async function saveMeasureDefinition(db: Db, viewer: Viewer, weights: MeasureWeights, now: Date): Promise<MeasureDefinition> {
  const errors = weightErrors(weights);
  if (errors.length) throw new AppError('measure_weights_invalid', errors);
  return db.transaction(async (tx) => {
    const d = tx as unknown as Db;
    await d.execute(sql`select pg_advisory_xact_lock(1710, ${viewer.orgId})`);
    const current = await getMeasureDefinition(d, viewer.orgId);
    const version = current.version + 1;
    await d.insert(measureDefinitions).values({ orgId: viewer.orgId, version, weights, createdBy: viewer.userId, createdAt: now });
    await writeAudit(d, viewer, { action: 'update', entity: 'measure_definition', entityIds: [version], detail: { weights } }, now);
    return { version, weights, createdAt: now.toISOString() };
  });
}
