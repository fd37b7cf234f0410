// The template editor's use-cases (decision 1135): the templates in force,
// one code's versions, a save (a new version; nothing is updated in place,
// audited) and a preview of unsaved text with a real shop of the editor's
// scope. A text is checked whole before anything is written: placeholders
// written ${name}, only the variables the generator fills, SMS text exactly
// when the template goes out by SMS, and no longer than the provider takes.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { smsFigures, LONG_SMS_PART_CHARS, MAX_SMS_CHARS, SINGLE_SMS_CHARS } from '../../domain/notices/sms-length.js';
import { sampleParams, type SampleShop } from '../../domain/notices/template-samples.js';
import { checkTemplateText, fill, NOTICE_TEMPLATES, type NoticeTemplate } from '../../domain/notices/templates.js';
import { AppError } from '../../shared/app-error.js';
import { TEMPLATE_CODES, type EditableTemplateCode, type SaveTemplateInput } from '../../shared/notice-templates.js';
import { writeAudit } from '../audit/audit.js';
import { noticeConfig } from '../../jobs/notices/notice-config.js';

type VersionRow = { version: number; title: string; body: string; sms: string | null; note: string; createdBy: string | null; createdAt: string | null };
type Texts = { title: string; body: string; sms: string | null };

const builtInVersion = (t: NoticeTemplate): VersionRow => ({ version: t.version, title: t.title, body: t.body, sms: t.sms, note: '', createdBy: null, createdAt: null });

function summaryOf(code: EditableTemplateCode, v: VersionRow, versions: number) {
  const t: NoticeTemplate = NOTICE_TEMPLATES[code];
  return { ...v, code, variables: [...t.vars], smsAllowed: t.sms !== null, versions };
}

/** Every editable template as in force in the viewer's county, with how many versions it has. */
export async function findTemplates(db: Db, viewer: Viewer) {
  const rows = await query<VersionRow & { code: EditableTemplateCode; versions: number }>(db, sql`
    select distinct on (t.code) t.code, t.version, t.title, t.body, t.sms, t.note, u.display_name as "createdBy", t.created_at as "createdAt",
      (count(*) over (partition by t.code))::int + 1 as versions
    from notice_templates t left join users u on u.org_id = t.org_id and u.id = t.created_by
    where t.org_id = ${viewer.orgId} order by t.code, t.version desc`);
  const saved = new Map(rows.map((r) => [r.code, r]));
  return {
    items: TEMPLATE_CODES.map((code) => {
      const s = saved.get(code);
      return s ? summaryOf(code, s, s.versions) : summaryOf(code, builtInVersion(NOTICE_TEMPLATES[code]), 1);
    }),
  };
}

/** One template's versions, newest first; the built-in text is the last (version 1). */
export async function findTemplateVersions(db: Db, viewer: Viewer, code: EditableTemplateCode) {
  const rows = await query<VersionRow>(db, sql`select t.version, t.title, t.body, t.sms, t.note, u.display_name as "createdBy", t.created_at as "createdAt"
    from notice_templates t left join users u on u.org_id = t.org_id and u.id = t.created_by
    where t.org_id = ${viewer.orgId} and t.code = ${code} order by t.version desc`);
  return { code, items: [...rows, builtInVersion(NOTICE_TEMPLATES[code])] };
}

/** The checks of a save and of a preview: the same error either way, naming the field. */
function checkTexts(code: EditableTemplateCode, input: Texts): void {
  const t: NoticeTemplate = NOTICE_TEMPLATES[code];
  for (const field of ['title', 'body', 'sms'] as const) {
    const text = input[field];
    if (text === null) continue;
    const problem = checkTemplateText(text, t.vars);
    if (problem?.kind === 'placeholder') throw new AppError('notice_template_placeholder', [{ field, code: 'invalid_value' }], { text: problem.text });
    if (problem?.kind === 'unknown_variable') throw new AppError('notice_template_variable', [{ field, code: 'invalid_value' }], { variable: problem.variable, allowed: [...t.vars] });
  }
  if (t.sms === null && input.sms !== null) throw new AppError('notice_template_in_app_only', [{ field: 'sms', code: 'invalid_value' }]);
  if (t.sms !== null && input.sms === null) throw new AppError('notice_template_sms_required', [{ field: 'sms', code: 'required' }]);
}

function smsOf(text: string) {
  const signName = noticeConfig().signName;
  const f = smsFigures(text, signName);
  return { text: `【${signName}】${text}`, chars: f.chars, segments: f.segments, overOne: f.segments > 1, tooLong: f.tooLong, singleChars: SINGLE_SMS_CHARS, partChars: LONG_SMS_PART_CHARS, maxChars: MAX_SMS_CHARS };
}

function render(code: EditableTemplateCode, input: Texts, shop: SampleShop, now: Date) {
  const vars = NOTICE_TEMPLATES[code].vars;
  const params = sampleParams(shop, now);
  return { title: fill(input.title, params, vars), body: fill(input.body, params, vars), sms: input.sms === null ? null : smsOf(fill(input.sms, params, vars)) };
}

/** Save the next version of a code; `baseVersion` must still be the latest (else 409 version_conflict, nothing written). */
export async function saveTemplate(db: Db, viewer: Viewer, code: EditableTemplateCode, input: SaveTemplateInput, now: Date) {
  checkTexts(code, input);
  // A text the provider refuses is refused here, measured with a typical shop's values.
  const sms = render(code, input, { shopName: '示例便利店', licenceNo: '430281100001' }, now).sms;
  if (sms?.tooLong) throw new AppError('notice_sms_too_long', [{ field: 'sms', code: 'text_too_long' }], { chars: sms.chars, maxChars: MAX_SMS_CHARS, segments: sms.segments });
  const version = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [{ latest }] = await query<{ latest: number }>(t, sql`select coalesce(max(version), 1)::int as latest from notice_templates where org_id = ${viewer.orgId} and code = ${code}`);
    if (latest !== input.baseVersion) throw new AppError('version_conflict', [], { latest });
    // Two saves from the same base: the key (org, code, version) lets one in; the other is the same 409.
    const [row] = await query<{ version: number }>(t, sql`insert into notice_templates (org_id, code, version, title, body, sms, note, created_by, created_at)
      values (${viewer.orgId}, ${code}, ${latest + 1}, ${input.title}, ${input.body}, ${input.sms}, ${input.note}, ${viewer.userId}, ${now.toISOString()}::timestamptz)
      on conflict do nothing returning version`);
    if (!row) throw new AppError('version_conflict', [], { latest: latest + 1 });
    await writeAudit(t, viewer, { action: 'create', entity: 'notice_template', entityIds: [row.version], detail: { code, version: row.version, baseVersion: input.baseVersion, title: input.title, body: input.body, sms: input.sms, note: input.note } }, now);
    return row.version;
  });
  return (await findTemplates(db, viewer)).items.find((x) => x.code === code && x.version === version)!;
}

/** Unsaved text as one real shop of the viewer's scope would read it, with the SMS length and parts. */
export async function previewTemplate(db: Db, viewer: Viewer, code: EditableTemplateCode, input: Texts & { retailerId?: number }, now: Date) {
  const [shop] = await query<{ id: number; shopName: string; licenceNo: string }>(db, sql`select r.id, r.shop_name as "shopName", r.licence_no as "licenceNo"
    from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where ${retailerScope(viewer)} and r.status = 'active' ${input.retailerId ? sql`and r.id = ${input.retailerId}` : sql``} order by r.id limit 1`);
  if (!shop) throw new AppError('not_found');
  checkTexts(code, input);
  return { shopName: shop.shopName, retailerId: shop.id, ...render(code, input, shop, now) };
}
