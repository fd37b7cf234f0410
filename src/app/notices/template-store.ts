// The template in force for an org (decision 1132): the latest version saved
// by marketing in notice_templates, else the built-in text (version 1). Each
// notice keeps the version it was written with.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { NOTICE_TEMPLATES, type NoticeTemplate, type TemplateCode } from '../../domain/notices/templates.js';

export async function templateInForce(db: Db, orgId: number, code: TemplateCode): Promise<NoticeTemplate> {
  const builtIn: NoticeTemplate = NOTICE_TEMPLATES[code];
  const [row] = await query<{ version: number; title: string; body: string; sms: string | null }>(db, sql`select version, title, body, sms from notice_templates
    where org_id = ${orgId} and code = ${code} order by version desc limit 1`);
  return row ? { ...builtIn, version: row.version, title: row.title, body: row.body, sms: row.sms } : builtIn;
}

/** The template in force for many orgs, grouped: orgs that share a version share one rendering (most use the built-in text). */
export async function templatesInForce(db: Db, orgIds: number[], code: TemplateCode): Promise<{ template: NoticeTemplate; orgIds: number[] }[]> {
  const builtIn: NoticeTemplate = NOTICE_TEMPLATES[code];
  const rows = await query<{ orgId: number; version: number; title: string; body: string; sms: string | null }>(db, sql`select distinct on (org_id) org_id as "orgId", version, title, body, sms
    from notice_templates where org_id = any(${`{${orgIds.join(',')}}`}::int[]) and code = ${code} order by org_id, version desc`);
  const custom = new Map(rows.map((r) => [r.orgId, r]));
  const plain = orgIds.filter((id) => !custom.has(id));
  return [
    ...(plain.length ? [{ template: builtIn, orgIds: plain }] : []),
    ...rows.map((r) => ({ template: { ...builtIn, version: r.version, title: r.title, body: r.body, sms: r.sms }, orgIds: [r.orgId] })),
  ];
}
