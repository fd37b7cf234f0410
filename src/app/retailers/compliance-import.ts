// Compliance scores from the monopoly administration (专卖), imported as a
// sheet: 客户编码, 月份 (YYYY-MM), 专卖评分 (0–100), 处罚次数. The whole file is
// checked first; any bad row refuses the file with a row-by-row report, else
// every row is saved in one statement (a later import of a month replaces it).
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/access/viewer.js';
import { complianceClass } from '../../domain/rating/compliance-class.js';
import { query, type Db } from '../../db/client.js';
import { sheetRowError, type SheetRowError } from '../../shared/sheet-row-error.js';

export const COMPLIANCE_HEADERS = ['客户编码', '月份', '专卖评分', '处罚次数'] as const;

export async function importCompliance(db: Db, viewer: Viewer, table: string[][]): Promise<{ saved: number; errors: SheetRowError[] }> {
  const [header, ...rows] = table;
  const col = COMPLIANCE_HEADERS.map((h) => (header ?? []).findIndex((c) => c.trim() === h));
  if (col.some((c) => c < 0)) {
    const names = COMPLIANCE_HEADERS.join('、');
    return { saved: 0, errors: [sheetRowError(1, '', (header ?? []).join(','), 'import_missing_columns', `：${names}`, `: ${names}`)] };
  }
  const codes = [...new Set(rows.map((r) => (r[col[0]] ?? '').trim()))];
  const known = new Map(
    (
      await query<{ code: string; id: number }>(
        db,
        sql`select customer_code as code, id from retailers where org_id = ${viewer.orgId} and customer_code = any(${sql.raw(`array[${codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(',') || "''"}]::text[]`)})`,
      )
    ).map((r) => [r.code, r.id]),
  );
  const errors: SheetRowError[] = [];
  const good: { r: number; m: string; s: number; p: number; c: string }[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const [code, month, score, penalties] = col.map((c) => (cells[c] ?? '').trim());
    if (!code && !month && !score) return;
    const id = known.get(code);
    const s = Number(score);
    const p = penalties === '' ? 0 : Number(penalties);
    if (!id) errors.push(sheetRowError(row, '客户编码', code, 'customer_code_unknown'));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push(sheetRowError(row, '月份', month, 'month_format'));
    if (!Number.isInteger(s) || s < 0 || s > 100) errors.push(sheetRowError(row, '专卖评分', score, 'compliance_score_range'));
    if (!Number.isInteger(p) || p < 0) errors.push(sheetRowError(row, '处罚次数', penalties, 'penalties_range'));
    if (id && errors.every((e) => e.row !== row)) good.push({ r: id, m: month, s, p, c: complianceClass(s, p) });
  });
  if (errors.length || good.length === 0) return { saved: 0, errors };
  await db.execute(sql`insert into compliance_records (org_id, retailer_id, month, score, penalties, compliance_class, source, created_by)
    select ${viewer.orgId}, x.r, x.m, x.s, x.p, x.c, 'import', ${viewer.userId} from jsonb_to_recordset(${JSON.stringify(good)}::jsonb) as x(r int, m text, s int, p int, c text)
    on conflict (org_id, retailer_id, month) do update set score = excluded.score, penalties = excluded.penalties,
      compliance_class = excluded.compliance_class, source = excluded.source, created_by = excluded.created_by, created_at = now()`);
  return { saved: good.length, errors: [] };
}
