// Photos sent with a case: each checked by its bytes (the shared image check
// care's proof photos use), stored as bytes in the case's transaction, and
// read back only by someone who may see the case (decision 1020).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseScope } from '../../db/desk-scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkImage, type ImageType } from '../../domain/photos/image-bytes.js';
import { AppError } from '../../shared/app-error.js';
import { DESK_PHOTO_MAX, DESK_PHOTO_MAX_BYTES } from '../../shared/desk.js';

export type UploadedPhoto = { mimetype: string; data: Buffer };
export type CheckedPhoto = { contentType: ImageType; bytes: Buffer };

const CODES = { type: 'desk_photo_invalid', invalid: 'desk_photo_invalid', too_large: 'photo_too_large' } as const;

/** Every photo must be a JPEG, PNG or WebP by its bytes and within the size limit; the first that is not refuses them all. */
export function checkCasePhotos(files: UploadedPhoto[]): CheckedPhoto[] {
  if (files.length > DESK_PHOTO_MAX) throw new AppError('desk_too_many_photos', [{ field: 'photos', code: 'desk_too_many_photos' }]);
  return files.map((f, i) => {
    const c = checkImage(f.data, f.mimetype, DESK_PHOTO_MAX_BYTES);
    if (!c.ok) throw new AppError(CODES[c.problem], [{ field: `photos.${i}`, code: CODES[c.problem] }]);
    return { contentType: c.contentType, bytes: c.bytes };
  });
}

/**
 * The photos a grid worker took on the visit that raised a case (data URLs,
 * checked by the visit's schema only by their prefix), trusted by their bytes
 * like any case photo, each at its place in the visit (null where it is not).
 * One that is not an image of its declared type is left on the visit and not
 * put on a case: refusing it would strand a visit kept offline on the phone
 * (decision 1023).
 */
export function visitPhotosForCase(dataUrls: string[]): (CheckedPhoto | null)[] {
  return dataUrls.slice(0, DESK_PHOTO_MAX).map((url) => {
    const m = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=\s]*)$/.exec(url);
    if (!m) return null;
    const c = checkImage(Buffer.from(m[2], 'base64'), m[1], DESK_PHOTO_MAX_BYTES);
    return c.ok ? { contentType: c.contentType, bytes: c.bytes } : null;
  });
}

/**
 * The checked photos that go with the case of one kind raised on the visit:
 * those the worker chose for it (`photoCases[i]` lists photo i's kinds), or
 * every photo when the visit carries no choice (decision 1025).
 */
export function photosOfCase(checked: (CheckedPhoto | null)[], kind: string, photoCases: string[][] | undefined): CheckedPhoto[] {
  return checked.filter((p, i): p is CheckedPhoto => p !== null && (!photoCases || (photoCases[i] ?? []).includes(kind)));
}

/** Inside the case's transaction. */
export async function storeCasePhotos(tx: Db, orgId: number, caseId: number, photos: CheckedPhoto[], now: Date): Promise<void> {
  for (const [i, p] of photos.entries()) {
    await tx.execute(sql`insert into desk_case_photos (org_id, case_id, seq, content_type, bytes, size, sha256, created_at)
      values (${orgId}, ${caseId}, ${i + 1}, ${p.contentType}, decode(${p.bytes.toString('base64')}, 'base64'), ${p.bytes.length},
        ${createHash('sha256').update(p.bytes).digest('hex')}, ${now.toISOString()}::timestamptz)`);
  }
}

/** One photo of a case the viewer may see (a retailer: only their own cases); not_found otherwise. */
export async function getCasePhoto(db: Db, viewer: Viewer, caseId: number, seq: number): Promise<{ contentType: string; bytes: Buffer }> {
  const [p] = await query<{ contentType: string; b64: string }>(
    db,
    sql`select p.content_type as "contentType", encode(p.bytes, 'base64') as b64
      from desk_case_photos p join desk_cases c on c.org_id = p.org_id and c.id = p.case_id
      where p.org_id = ${viewer.orgId} and p.case_id = ${caseId} and p.seq = ${seq} and ${caseScope(viewer)}`,
  );
  if (!p) throw new AppError('not_found');
  return { contentType: p.contentType, bytes: Buffer.from(p.b64, 'base64') };
}

/** The photo numbers of case `c` (alias) as a json array, for the reads that show them. */
export const photoSeqs = (alias = 'c') =>
  sql.raw(`coalesce((select json_agg(p.seq order by p.seq) from desk_case_photos p where p.org_id = ${alias}.org_id and p.case_id = ${alias}.id), '[]'::json)`);
