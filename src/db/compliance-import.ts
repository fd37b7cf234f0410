// Compliance scores from the monopoly administration (专卖), imported as a
// sheet: 客户编码, 月份 (YYYY-MM), 专卖评分 (0–100), 处罚次数. The whole file is
// checked first; any bad row refuses the file with a row-by-row report, else
// every row is saved in one statement (a later import of a month replaces it).
import { sql } from 'drizzle-orm';
import type { Viewer } from '../domain/access/viewer.js';
import { complianceClass } from '../domain/rating/compliance-class.js';
import { query, type Db } from './client.js';

export const COMPLIANCE_HEADERS = ['客户编码', '月份', '专卖评分', '处罚次数'] as const;

export type ComplianceRowError = { row: number; column: string; value: string; message: string };

export async function importCompliance(db: Db, viewer: Viewer, table: string[][]): Promise<{ saved: number; errors: ComplianceRowError[] }> {
  const [header, ...rows] = table;
  const col = COMPLIANCE_HEADERS.map((h) => (header ?? []).findIndex((c) => c.trim() === h));
  if (col.some((c) => c < 0)) return { saved: 0, errors: [{ row: 1, column: '', value: (header ?? []).join(','), message: `表头应为：${COMPLIANCE_HEADERS.join('、')}` }] };
  const codes = [...new Set(rows.map((r) => (r[col[0]] ?? '').trim()))];
  const known = new Map(
    (
      await query<{ code: string; id: number }>(
        db,
        sql`select customer_code as code, id from retailers where org_id = ${viewer.orgId} and customer_code = any(${sql.raw(`array[${codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(',') || "''"}]::text[]`)})`,
      )
    ).map((r) => [r.code, r.id]),
  );
  const errors: ComplianceRowError[] = [];
  const good: { r: number; m: string; s: number; p: number; c: string }[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const [code, month, score, penalties] = col.map((c) => (cells[c] ?? '').trim());
    if (!code && !month && !score) return;
    const id = known.get(code);
    const s = Number(score);
    const p = penalties === '' ? 0 : Number(penalties);
    if (!id) errors.push({ row, column: '客户编码', value: code, message: '客户编码不存在' });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push({ row, column: '月份', value: month, message: '月份格式应为 YYYY-MM' });
    if (!Number.isInteger(s) || s < 0 || s > 100) errors.push({ row, column: '专卖评分', value: score, message: '评分应为 0–100 的整数' });
    if (!Number.isInteger(p) || p < 0) errors.push({ row, column: '处罚次数', value: penalties, message: '处罚次数应为不小于 0 的整数' });
    if (id && errors.every((e) => e.row !== row)) good.push({ r: id, m: month, s, p, c: complianceClass(s, p) });
  });
  if (errors.length || good.length === 0) return { saved: 0, errors };
  await db.execute(sql`insert into compliance_records (org_id, retailer_id, month, score, penalties, compliance_class, source, created_by)
    select ${viewer.orgId}, x.r, x.m, x.s, x.p, x.c, 'import', ${viewer.userId} from jsonb_to_recordset(${JSON.stringify(good)}::jsonb) as x(r int, m text, s int, p int, c text)
    on conflict (retailer_id, month) do update set score = excluded.score, penalties = excluded.penalties,
      compliance_class = excluded.compliance_class, source = excluded.source, created_by = excluded.created_by, created_at = now()`);
  return { saved: good.length, errors: [] };
}
