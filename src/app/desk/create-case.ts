// A case from the API: the agent's call, the retailer's phone, a walk-in.
// The shop must be in the caller's scope and the category and cause must
// exist; a conduct complaint about the client manager names the shop's grid
// worker, so it is routed past them.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { DESK_CATEGORIES, isCategory, isCause, type CaseChannel, type caseCreateSchema } from '../../shared/desk.js';
import type { z } from 'zod';
import { writeAudit } from '../audit/audit.js';
import { openCase, placeOf } from './open-case.js';
import { checkCasePhotos, storeCasePhotos, type UploadedPhoto } from './case-photos.js';

type Input = z.output<typeof caseCreateSchema>;

function defaultChannel(viewer: Viewer): CaseChannel {
  if (viewer.role === 'retailer') return 'retailer_app';
  if (viewer.role === 'call_agent') return 'phone';
  if (viewer.role === 'grid_worker') return 'visit';
  return 'walk_in';
}

/** `photos`: files sent with the case (the retailer's form), checked by their bytes before anything is written. */
export async function createCase(db: Db, viewer: Viewer, input: Input, now: Date, photos: UploadedPhoto[] = []) {
  if (viewer.role !== 'retailer' && input.retailerId === undefined) throw new AppError('validation_failed', [{ field: 'retailerId', code: 'required' }]);
  const retailerId = viewer.role === 'retailer' ? (viewer.retailerId ?? -1) : input.retailerId!;
  const [shop] = await query<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`);
  if (!shop) throw new AppError('not_found');
  if (!isCategory(input.category)) throw new AppError('desk_unknown_category', [{ field: 'category', code: 'desk_unknown_category' }]);
  const category = input.category;
  const cause = input.cause ?? Object.keys(DESK_CATEGORIES[category].causes)[0];
  if (!isCause(category, cause)) throw new AppError('desk_unknown_cause', [{ field: 'cause', code: 'desk_unknown_cause' }]);
  let subjectUserId = input.subjectUserId ?? null;
  if (subjectUserId !== null) {
    const [u] = await query<{ id: number }>(db, sql`select id from users where id = ${subjectUserId} and org_id = ${viewer.orgId} and role <> 'retailer'`);
    if (!u) throw new AppError('desk_unknown_handler', [{ field: 'subjectUserId', code: 'desk_unknown_handler' }]);
  } else if (category === 'conduct' && cause === 'client_manager') {
    subjectUserId = (await placeOf(db, viewer.orgId, retailerId))?.gridWorkerId ?? null;
  }
  const checked = checkCasePhotos(photos);
  const channel = viewer.role === 'retailer' ? 'retailer_app' : (input.channel ?? defaultChannel(viewer));
  return db.transaction(async (tx) => {
    const row = await openCase(
      tx as unknown as Db,
      { orgId: viewer.orgId, retailerId, kind: input.kind, channel, category, cause, text: input.text, subjectUserId, createdBy: viewer.userId },
      now,
    );
    await storeCasePhotos(tx as unknown as Db, viewer.orgId, row.id, checked, now);
    await writeAudit(tx as unknown as Db, viewer, { action: 'update', entity: 'desk_case', entityIds: [row.id], detail: { op: 'create', category, cause, retailerId, photos: checked.length } }, now);
    return { id: row.id, handlerId: row.handlerId, jurisdiction: row.jurisdiction, dueAt: row.dueAt };
  });
}
