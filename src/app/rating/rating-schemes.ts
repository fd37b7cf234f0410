// Rating scheme versions: the active one is the newest saved; the default
// scheme is saved on first use. A scheme is validated before it is saved and
// never changed afterwards (a change is a new version). A scheme a province or
// city sets is in force in a county that has none of its own, and in every
// county below when it is locked (decision 1927): the county's runs record it
// by its version and read it back from the org that set it.
import { sql } from 'drizzle-orm';
import { DEFAULT_SCHEME } from '../../domain/rating/default-scheme.js';
import type { RatingScheme } from '../../domain/rating/scheme.js';
import { validateScheme, type SchemeError } from '../../domain/rating/validate-scheme.js';
import { AppError } from '../../shared/app-error.js';
import { query, type Db } from '../../db/client.js';
import { findRatingSchemeAbove, lockedRuleAbove, ruleInForceFor } from '../org-tree/org-rules.js';

export type SchemeVersionRow = { version: string; note: string; createdAt: string; createdByName: string | null };

export async function getActiveScheme(db: Db, orgId: number, userId: number | null): Promise<RatingScheme> {
  const inForce = await ruleInForceFor(db, orgId, 'rating_scheme');
  // Checked as a whole scheme when it was saved (org-rule-bodies.ts).
  if (inForce && inForce.orgId !== orgId) return inForce.body as unknown as RatingScheme;
  return countyOwnScheme(db, orgId, userId);
}

/** The county's own latest scheme, the default saved as its first when it has none; rules above are not read. */
export async function countyOwnScheme(db: Db, orgId: number, userId: number | null): Promise<RatingScheme> {
  const [row] = await query<{ scheme: RatingScheme }>(
    db,
    sql`select scheme from rating_schemes where org_id = ${orgId} order by id desc limit 1`,
  );
  if (row) return row.scheme;
  await db.execute(sql`insert into rating_schemes (org_id, version, scheme, note, created_by)
    values (${orgId}, ${DEFAULT_SCHEME.version}, ${JSON.stringify(DEFAULT_SCHEME)}::jsonb, '默认方案 default scheme', ${userId})
    on conflict (org_id, version) do nothing`);
  return DEFAULT_SCHEME;
}

/** The active scheme and, when it is a province's or city's, whose (the scheme screen says so). */
export async function findSchemeInForce(db: Db, orgId: number, userId: number | null) {
  const inForce = await ruleInForceFor(db, orgId, 'rating_scheme');
  const above = inForce && inForce.orgId !== orgId ? { orgName: inForce.orgName, level: inForce.level, version: inForce.version, overridable: inForce.overridable } : null;
  return { active: await getActiveScheme(db, orgId, userId), inheritedFrom: above };
}

/** The scheme a stored result was computed with. */
export async function getSchemeVersion(db: Db, orgId: number, version: string): Promise<RatingScheme> {
  const [row] = await query<{ scheme: RatingScheme }>(db, sql`select scheme from rating_schemes where org_id = ${orgId} and version = ${version}`);
  if (row) return row.scheme;
  if (version === DEFAULT_SCHEME.version) return DEFAULT_SCHEME;
  const above = await findRatingSchemeAbove(db, orgId, version);
  if (above) return above as unknown as RatingScheme;
  throw new AppError('not_found');
}

export async function findSchemeVersions(db: Db, orgId: number): Promise<SchemeVersionRow[]> {
  return query<SchemeVersionRow>(
    db,
    sql`select s.version, s.note, s.created_at as "createdAt", u.display_name as "createdByName"
      from rating_schemes s left join users u on u.org_id = s.org_id and u.id = s.created_by where s.org_id = ${orgId} order by s.id desc`,
  );
}

export class SchemeRejected extends AppError {
  constructor(readonly errors: SchemeError[]) {
    super('rating_scheme_invalid', [], { errors: errors.map((e) => ({ path: e.path, code: e.code, message: e.message.zh, messageEn: e.message.en })) });
  }
}

/** Validate and save a new version; it becomes the active scheme. */
export async function saveScheme(db: Db, orgId: number, userId: number, scheme: RatingScheme, note: string): Promise<void> {
  if (await lockedRuleAbove(db, orgId, 'rating_scheme')) throw new AppError('org_rule_not_overridable');
  const errors = validateScheme(scheme);
  if (errors.length) throw new SchemeRejected(errors);
  const [dup] = await query<{ n: number }>(db, sql`select count(*)::int as n from rating_schemes where org_id = ${orgId} and version = ${scheme.version}`);
  // A version a province or city scheme already has would be read back ambiguously by a run.
  if (dup.n > 0 || (await findRatingSchemeAbove(db, orgId, scheme.version))) throw new AppError('rating_scheme_version_exists');
  await db.execute(sql`insert into rating_schemes (org_id, version, scheme, note, created_by)
    values (${orgId}, ${scheme.version}, ${JSON.stringify(scheme)}::jsonb, ${note}, ${userId})`);
}
