// What a rule set above the counties may say (decision 1927). A rating scheme
// is a whole scheme, checked as the county's scheme form checks one; a
// complaint policy is any part of the desk's deadline policy except the
// county's own handlers; tier shares stay free-form (nothing reads them yet).
// A bad body is refused when it is saved, so a county's batch or desk never
// meets one.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { checkDeskPolicy, DEFAULT_DESK_POLICY } from '../../domain/desk/case-deadlines.js';
import { pathUp, subtreeOf, type OrgTree } from '../../domain/org-tree/org-tree.js';
import { validateScheme } from '../../domain/rating/validate-scheme.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import { complaintPolicyRuleSchema, isCategory } from '../../shared/desk.js';
import type { OrgRuleInForce } from '../../shared/org-tree.js';
import { ratingSchemeSchema } from '../../shared/rating.js';

type Kind = OrgRuleInForce['kind'];

const zodFields = (issues: { path: PropertyKey[]; message: string }[]): FieldError[] =>
  issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), code: i.message }));

const ids = (xs: { orgId: number }[]) => sql.join(xs.map((n) => sql`${n.orgId}`), sql`, `);

export async function checkOrgRuleBody(db: Db, tree: OrgTree, orgId: number, kind: Kind, body: Record<string, unknown>): Promise<void> {
  if (kind === 'complaint_policy') {
    const parsed = complaintPolicyRuleSchema.safeParse(body);
    if (!parsed.success) throw new AppError('validation_failed', zodFields(parsed.error.issues));
    const errors = checkDeskPolicy({ ...DEFAULT_DESK_POLICY, ...parsed.data }, isCategory);
    if (errors.length) throw new AppError('desk_policy_invalid', errors.map(({ field, code }) => ({ field: `body.${field}`, code })));
    return;
  }
  if (kind !== 'rating_scheme') return;
  const parsed = ratingSchemeSchema.safeParse(body);
  if (!parsed.success) throw new AppError('validation_failed', zodFields(parsed.error.issues));
  const errors = validateScheme(parsed.data);
  if (errors.length) {
    throw new AppError('rating_scheme_invalid', [], { errors: errors.map((e) => ({ path: e.path, code: e.code, message: e.message.zh, messageEn: e.message.en })) });
  }
  // A run records its scheme by version and reads it back from the county, then from the orgs above: one version, one scheme
  // on the whole line. The same org saving the same scheme again (to lock or unlock it) is fine.
  const line = [...pathUp(tree, orgId), ...subtreeOf(tree, orgId).slice(1)];
  const [clash] = await query<{ n: number }>(
    db,
    sql`select ((select count(*) from org_rules where kind = 'rating_scheme' and body->>'version' = ${parsed.data.version} and org_id in (${ids(line)})
                  and not (org_id = ${orgId} and body = ${JSON.stringify(body)}::jsonb))
              + (select count(*) from rating_schemes where version = ${parsed.data.version} and org_id in (${ids(line)})))::int as n`,
  );
  if (clash.n > 0) throw new AppError('rating_scheme_version_exists');
}
